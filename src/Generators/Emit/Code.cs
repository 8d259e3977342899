namespace Streaming.Generators.Emit;

/// <summary>Small pieces of C# the writer emitters share.</summary>
internal static class Code
{
    /// <summary>A C# string literal for <paramref name="text"/>.</summary>
    public static string Literal(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary><paramref name="name"/> as an identifier in code: <c>@class</c> for a member named like a keyword.</summary>
    public static string Identifier(string name)
        => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;
}
