using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Streaming;

/// <summary>
/// Writes, with <see cref="JsonSerializer"/>, the few members a generated writer cannot write itself: members of
/// type <see cref="object"/> or of an interface that is not a collection, members with a custom
/// <see cref="JsonConverter"/>, polymorphic types and collection types the generator does not know. The build
/// reports each one as STRM008.
/// </summary>
/// <remarks>
/// These members allocate on every item, and their metadata comes from <see cref="Options"/>. By default that is
/// <see cref="JsonSerializerOptions.Web"/>, whose metadata is built by reflection: that works wherever reflection
/// does, but not in a NativeAOT or trimmed application that turns reflection-based serialization off. There, set
/// <see cref="Options"/> at start-up to options whose <see cref="JsonSerializerOptions.TypeInfoResolver"/> is a
/// <see cref="JsonSerializerContext"/> that lists those member types, keeping the rest of the Web defaults so the
/// text stays the same:
/// <code>
/// JsonFallback.Options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = AppJsonContext.Default };
/// </code>
/// Nothing here asks for unreferenced code: with no metadata for a type, the serializer throws a
/// <see cref="NotSupportedException"/> naming it, rather than the trimmer silently removing it.
/// </remarks>
public static class JsonFallback
{
    private static JsonSerializerOptions? s_options;

    /// <summary>
    /// The options fallback members are serialized with: <see cref="JsonSerializerOptions.Web"/> by default, or,
    /// where reflection-based serialization is off, Web defaults with no metadata until you set them.
    /// </summary>
    public static JsonSerializerOptions Options
    {
        get => s_options ??= DefaultOptions();
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.MakeReadOnly();
            s_options = value;
        }
    }

    /// <summary>Writes <paramref name="value"/> as <see cref="JsonSerializer"/> writes a <typeparamref name="T"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Write<T>(ref JsonOutput output, T value)
    {
        var typeInfo = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        var writer = output.StartUtf8JsonWriter();
        JsonSerializer.Serialize(writer, value, typeInfo);
        output.EndUtf8JsonWriter(writer);
    }

    /// <summary>
    /// Writes <paramref name="value"/> with the converter named by a member's <c>[JsonConverter]</c>, as the
    /// serializer does: <c>null</c> without calling the converter unless it handles null itself.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Write<T>(ref JsonOutput output, T value, JsonConverter converter)
    {
        var options = Options;
        var typed = converter as JsonConverter<T>
            ?? (converter is JsonConverterFactory factory && factory.CanConvert(typeof(T)) ? factory.CreateConverter(typeof(T), options) as JsonConverter<T> : null)
            ?? throw new InvalidOperationException($"The converter '{converter.GetType()}' is not compatible with the type '{typeof(T)}'.");

        if (value is null && !typed.HandleNull)
        {
            output.WriteNull();
            return;
        }

        var writer = output.StartUtf8JsonWriter();
        typed.Write(writer, value, options);
        output.EndUtf8JsonWriter(writer);
    }

    private static JsonSerializerOptions DefaultOptions()
    {
        if (JsonSerializer.IsReflectionEnabledByDefault)
        {
            return ReflectionOptions();
        }

        // No metadata: GetTypeInfo throws a NotSupportedException that names the type, until Options is set.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = JsonTypeInfoResolver.Combine() };
        options.MakeReadOnly();
        return options;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only reached when reflection-based serialization is enabled; the trimmer substitutes IsReflectionEnabledByDefault and removes this call where it is not.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only reached when reflection-based serialization is enabled, which NativeAOT turns off.")]
    private static JsonSerializerOptions ReflectionOptions() => JsonSerializerOptions.Web;
}
