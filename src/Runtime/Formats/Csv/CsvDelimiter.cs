using System;
using System.Buffers;
using System.Threading;

namespace Streaming;

/// <summary>
/// What a CSV writer needs to know about its delimiter, made once per delimiter: the characters that make a
/// field need quotes, as vectorized search sets, and whether the delimiter can occur in a number, date, Guid,
/// boolean or enum name at all.
/// </summary>
internal sealed class CsvDelimiter
{
    private static readonly CsvDelimiter?[] Cache = new CsvDelimiter?[128];

    private CsvDelimiter(char delimiter)
    {
        Byte = (byte)delimiter;
        SpecialChars = SearchValues.Create([delimiter, '"', '\r', '\n']);
        SpecialBytes = SearchValues.Create([(byte)delimiter, (byte)'"', (byte)'\r', (byte)'\n']);
        SpecialAscii = new bool[128];
        SpecialAscii[delimiter] = SpecialAscii['"'] = SpecialAscii['\r'] = SpecialAscii['\n'] = true;
        IsPlain = !char.IsAsciiLetterOrDigit(delimiter) && delimiter is not ('+' or '-' or '.' or ':' or '_');
    }

    public byte Byte { get; }

    public SearchValues<char> SpecialChars { get; }

    public SearchValues<byte> SpecialBytes { get; }

    /// <summary>The same characters as a table by ASCII code, for the writer's own one-character-at-a-time loop.</summary>
    public bool[] SpecialAscii { get; }

    /// <summary>
    /// Whether text made only of ASCII letters, digits and <c>+-.:_</c> never holds the delimiter: then the
    /// invariant text of numbers, dates, times, Guids, booleans and enum names is written without a scan.
    /// </summary>
    public bool IsPlain { get; }

    /// <summary>The delimiter's details, made on first use.</summary>
    public static CsvDelimiter For(char delimiter)
    {
        CsvFieldWriter.ThrowIfInvalidDelimiter(delimiter);
        return Volatile.Read(ref Cache[delimiter]) ?? Create(delimiter);
    }

    private static CsvDelimiter Create(char delimiter)
    {
        var made = new CsvDelimiter(delimiter);
        return Interlocked.CompareExchange(ref Cache[delimiter], made, null) ?? made;
    }
}
