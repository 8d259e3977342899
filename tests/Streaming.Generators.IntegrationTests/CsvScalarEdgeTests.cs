using System.Globalization;
using System.Text;
using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests;

/// <summary>
/// The values the CSV writer formats itself rather than through .NET's formatters — integers, Guids, ISO dates,
/// decimals and doubles in plain notation, text narrowed or encoded in its own pass — over their edges, each
/// field against System.Text.Json's text (and RFC 4180 quoting of the text as it is) byte for byte.
/// </summary>
public sealed class CsvScalarEdgeTests
{
    [Fact]
    public void Integers_of_every_digit_count_and_both_bounds_are_the_json_text()
    {
        var longs = new List<long> { 0, 1, -1, long.MinValue, long.MaxValue, long.MinValue + 1, long.MaxValue - 1 };
        for (var power = 1L; power <= 1_000_000_000_000_000_000L; power *= 10)
        {
            longs.AddRange([power, power - 1, power + 1, -power, -(power - 1), -(power + 1)]);
        }

        var random = new Random(20261130);
        longs.AddRange(Enumerable.Range(0, 2_000).Select(i => random.NextInt64(long.MinValue, long.MaxValue) >> (i % 64)));
        AssertFields(longs, (ref CsvFieldWriter w, long v) => w.WriteValue(v));
        AssertFields(longs.Select(v => (int)v).Append(int.MinValue).Append(int.MaxValue), (ref CsvFieldWriter w, int v) => w.WriteValue(v));
        AssertFields(longs.Select(v => (short)v).Append(short.MinValue).Append(short.MaxValue), (ref CsvFieldWriter w, short v) => w.WriteValue(v));
        AssertFields(longs.Select(v => (sbyte)v).Append(sbyte.MinValue).Append(sbyte.MaxValue), (ref CsvFieldWriter w, sbyte v) => w.WriteValue(v));
        AssertFields(longs.Select(v => (ulong)v).Append(ulong.MaxValue).Append(10_000_000_000_000_000_000UL).Append(9_999_999_999_999_999_999UL), (ref CsvFieldWriter w, ulong v) => w.WriteValue(v));
        AssertFields(longs.Select(v => (uint)v).Append(uint.MaxValue), (ref CsvFieldWriter w, uint v) => w.WriteValue(v));
        AssertFields(longs.Select(v => (ushort)v).Append(ushort.MaxValue), (ref CsvFieldWriter w, ushort v) => w.WriteValue(v));
        AssertFields(longs.Select(v => (byte)v).Append(byte.MaxValue), (ref CsvFieldWriter w, byte v) => w.WriteValue(v));
    }

    [Fact]
    public void Guids_with_every_hex_digit_in_every_place_are_the_json_text()
    {
        var guids = new List<Guid>
        {
            Guid.Empty,
            Guid.AllBitsSet,
            Guid.Parse("01234567-89ab-cdef-0123-456789abcdef"),
            Guid.Parse("fedcba98-7654-3210-fedc-ba9876543210"),
        };

        // Each byte of the 16 holding each value in turn: every digit in every place, high and low.
        for (var place = 0; place < 16; place++)
        {
            for (var value = 0; value < 256; value += 17)
            {
                var bytes = new byte[16];
                bytes[place] = (byte)value;
                guids.Add(new Guid(bytes));
            }
        }

        var random = new Random(20261130);
        guids.AddRange(Enumerable.Range(0, 500).Select(_ => new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray())));
        AssertFields(guids, (ref CsvFieldWriter w, Guid v) => w.WriteValue(v));
    }

    [Fact]
    public void Dates_of_every_kind_fraction_length_and_year_are_the_json_text()
    {
        var clocks = new List<DateTime> { DateTime.MinValue, DateTime.MaxValue, new(1, 1, 1, 0, 0, 1), new(9999, 12, 31, 23, 59, 59) };
        var day = new DateTime(2026, 11, 30, 23, 59, 58);
        for (var ticks = 1L; ticks < TimeSpan.TicksPerSecond; ticks *= 10)
        {
            // Fractions of every length, with and without trailing zeros.
            clocks.AddRange([day.AddTicks(ticks), day.AddTicks(ticks * 9), day.AddTicks(TimeSpan.TicksPerSecond - ticks), day.AddTicks(1234567 / ticks * ticks)]);
        }

        var random = new Random(20261130);
        clocks.AddRange(Enumerable.Range(0, 1_000).Select(i => new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks) / (long)Math.Pow(10, i % 8) * (long)Math.Pow(10, i % 8))));
        foreach (var kind in new[] { DateTimeKind.Unspecified, DateTimeKind.Utc, DateTimeKind.Local })
        {
            // Local time near year 1 or 9999 may lie outside the range once the zone's offset applies: the middle years then.
            var dates = kind == DateTimeKind.Local ? clocks.Where(c => c.Year is > 1 and < 9999) : clocks;
            AssertFields(dates.Select(c => DateTime.SpecifyKind(c, kind)), (ref CsvFieldWriter w, DateTime v) => w.WriteDateTime(v));
        }

        var offsets = new[] { TimeSpan.Zero, TimeSpan.FromHours(14), TimeSpan.FromHours(-14), TimeSpan.FromMinutes(-30), TimeSpan.FromMinutes(345), TimeSpan.FromMinutes(-570) };
        var moments = clocks.Where(c => c.Year is > 1 and < 9999).SelectMany(c => offsets.Select(o => new DateTimeOffset(c, o)))
            .Concat([DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new DateTimeOffset(DateTime.MinValue.AddHours(14), TimeSpan.FromHours(14)), new DateTimeOffset(DateTime.MaxValue.AddHours(-14), TimeSpan.FromHours(-14))]);
        AssertFields(moments, (ref CsvFieldWriter w, DateTimeOffset v) => w.WriteDateTimeOffset(v));
    }

    [Fact]
    public void Decimals_of_every_scale_and_digit_count_are_the_json_text()
    {
        var amounts = new List<decimal> { 0m, 0.00m, -0.05m, 0.05m, 1.50m, -1.5m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, -0.0000000000000000000000000001m };
        for (byte scale = 0; scale <= 28; scale++)
        {
            foreach (var mantissa in new ulong[] { 1, 9, 10, 99, 100, 12345, uint.MaxValue, (ulong)uint.MaxValue + 1, 999_999_999_999_999_999, 1_000_000_000_000_000_000, ulong.MaxValue })
            {
                amounts.Add(new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, false, scale));
                amounts.Add(new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, true, scale));
            }
        }

        AssertFields(amounts, (ref CsvFieldWriter w, decimal v) => w.WriteValue(v));
    }

    [Fact]
    public void Doubles_around_plain_notation_are_the_json_text()
    {
        var reals = new List<double> { 0.0, -0.0, 0.001, 0.000999, 1e14, 99_999_999_999_999.9, 1e14 - 1, 17.415, -0.5, 0.1, 0.2, 0.30000000000000004, 123_456_789_012_345, 1.0 / 3, double.Epsilon, double.MaxValue, double.NaN };
        var random = new Random(20261130);
        for (var i = 0; i < 5_000; i++)
        {
            reals.Add(Math.Round((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-4, 16)), random.Next(0, 16)));
        }

        // System.Text.Json refuses NaN and the infinities by default; the writer writes the formatter's text for them.
        AssertFields(reals, (ref CsvFieldWriter w, double v) => w.WriteValue(v), text: v => double.IsFinite(v) ? CsvReading.Json(v) : v.ToString("R", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Text_of_every_length_with_every_kind_of_character_at_every_place_is_itself_quoted_by_rfc_4180()
    {
        // Around the eight-character blocks; one character of each kind at each place of otherwise plain ASCII.
        string[] kinds = ["a", " ", "\u007f", "é", "\u00ff", "\u0100", "\u07ff", "\u0800", "€", "\uffff", "😀", "\ud800", "\udfff", ",", ";", "\"", "\r", "\n", "=", "+", "-", "@", "\t", "'"];
        var texts = new List<string>();
        for (var length = 1; length <= 40; length++)
        {
            var plain = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))));
            texts.Add(plain);
            foreach (var kind in kinds)
            {
                for (var place = 0; place < length; place++)
                {
                    texts.Add(plain[..place] + kind + plain[(place + 1)..]);
                }
            }
        }

        texts.Add(new string('é', 6_000));
        texts.Add(new string('x', 5_461) + "\"");
        foreach (var delimiter in ",;\t")
        {
            foreach (var guard in new[] { true, false })
            {
                AssertFields(texts, (ref CsvFieldWriter w, string v) => w.WriteString(v), delimiter, guard, v => CsvReading.Text(v, guard));
            }
        }
    }

    private delegate void WriteField<T>(ref CsvFieldWriter writer, T value);

    /// <summary>Each value as a record of two fields (the value and a marker), through outputs of every span size.</summary>
    private static void AssertFields<T>(IEnumerable<T> values, WriteField<T> write, char delimiter = ',', bool guard = true, Func<T, string>? text = null)
    {
        text ??= v => CsvReading.Json(v);
        var list = values.ToList();
        var expected = new StringBuilder();
        foreach (var value in list)
        {
            expected.Append(CsvDifferentialTests.Record([text(value), "end"], delimiter));
        }

        foreach (var output in CsvDifferentialTests.Outputs())
        {
            foreach (var value in list)
            {
                var writer = new CsvFieldWriter(output, delimiter, guard);
                write(ref writer, value);
                writer.WriteString("end");
                writer.EndRecord();
            }

            CsvDifferentialTests.AssertSameBytes(Encoding.UTF8.GetBytes(expected.ToString()), CsvDifferentialTests.Written(output), output.GetType().Name);
        }
    }
}
