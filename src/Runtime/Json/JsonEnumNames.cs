using System;
using System.Buffers;
using System.ComponentModel;

namespace Streaming;

/// <summary>
/// Writes a combination of <c>[Flags]</c> members by name, as <c>JsonStringEnumConverter</c> does: members with
/// more bits first (so <c>ReadWrite</c> wins over <c>Read, Write</c>), names joined by <c>", "</c>. Called by
/// generated enum writers, which pass the members in that order.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonEnumNames
{
    private const int StackLimit = 256;

    /// <summary>
    /// Writes the names whose bits make up <paramref name="bits"/>; returns <see langword="false"/> (writing
    /// nothing) when some bits belong to no member, in which case the serializer writes the number.
    /// </summary>
    /// <param name="output">Where the names go.</param>
    /// <param name="bits">The value, sign-extended to 64 bits.</param>
    /// <param name="keys">The non-zero members' values, sign-extended, most bits first.</param>
    /// <param name="names">The members' JSON names, in the order of <paramref name="keys"/>.</param>
    public static bool TryWriteFlags(ref JsonOutput output, ulong bits, ReadOnlySpan<ulong> keys, ReadOnlySpan<string> names)
    {
        var remaining = bits;
        var length = 0;
        for (var i = 0; i < keys.Length && remaining != 0; i++)
        {
            if ((remaining & keys[i]) == keys[i])
            {
                remaining &= ~keys[i];
                length += names[i].Length + (length == 0 ? 0 : 2);
            }
        }

        if (remaining != 0 || length == 0)
        {
            return false;
        }

        char[]? rented = null;
        var text = length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(length));
        var written = 0;
        remaining = bits;
        for (var i = 0; i < keys.Length && remaining != 0; i++)
        {
            if ((remaining & keys[i]) == keys[i])
            {
                remaining &= ~keys[i];
                if (written > 0)
                {
                    text[written++] = ',';
                    text[written++] = ' ';
                }

                names[i].AsSpan().CopyTo(text[written..]);
                written += names[i].Length;
            }
        }

        output.WriteString(text[..written]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return true;
    }
}
