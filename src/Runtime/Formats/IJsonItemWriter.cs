namespace Streaming;

/// <summary>
/// Writes one value of <typeparamref name="T"/> as JSON. The source generator implements this for every
/// element type of a JSON-based <c>[Stream]</c> method; the text is byte-for-byte what
/// <c>JsonSerializer.Serialize(value, JsonSerializerOptions.Web)</c> writes.
/// </summary>
public interface IJsonItemWriter<in T>
{
    /// <summary>Writes <paramref name="value"/> as one complete JSON value.</summary>
    static abstract void Write(ref JsonOutput output, T value);
}
