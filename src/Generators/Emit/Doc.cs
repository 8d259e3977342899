using Streaming.Generators.Model;

namespace Streaming.Generators.Emit;

/// <summary>Documentation comments of generated writers.</summary>
internal static class Doc
{
    /// <summary>A <c>see cref</c> for a plain named type; the C# name in <c>&lt;c&gt;</c> for generic, nullable and array types, which a <c>cref</c> cannot name.</summary>
    public static string TypeReference(JsonTypeSpec type)
        => type.Type.IndexOfAny(['<', '?', '[']) < 0 && type.Type.StartsWith("global::", System.StringComparison.Ordinal)
            ? $"<see cref=\"{type.Type}\"/>"
            : $"<c>{type.DisplayName.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;")}</c>";
}
