using System.ComponentModel;
using System.Text.Json;

namespace Streaming;

/// <summary>
/// The serializer's depth limit, for the writers of recursive types: System.Text.Json refuses any value written
/// when the writer is already <see cref="Default"/> levels deep (its default <c>MaxDepth</c>), and so do they. A
/// stream whose item is too deep then fails mid-way, as any other failure after the first byte does.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonDepth
{
    /// <summary>The serializer's default maximum depth.</summary>
    public const int Default = 64;

    /// <summary>Throws the serializer's exception when a value written now would be too deep.</summary>
    /// <remarks>
    /// A JSON array response writes each item inside the array's <c>[</c>, where the serializer counts it one level
    /// deeper: its output starts at depth 1.
    /// </remarks>
    public static void Check(ref JsonOutput output)
    {
        if (output.Depth >= Default)
        {
            Throw();
        }
    }

    private static void Throw()
        => throw new JsonException($"A possible object cycle was detected. This can either be due to a cycle or if the object depth is larger than the maximum allowed depth of {Default}.");
}
