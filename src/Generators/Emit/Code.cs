namespace Streaming.Generators.Emit;

/// <summary>Small pieces of C# the writer emitters share.</summary>
internal static class Code
{
    /// <summary>A C# string literal for <paramref name="text"/>.</summary>
    public static string Literal(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
}
