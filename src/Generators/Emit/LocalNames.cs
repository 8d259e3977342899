using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace Streaming.Generators.Emit;

/// <summary>
/// Hands out names for locals of one generated method, each used once, so nested scopes never clash
/// (<c>tags</c>, <c>item</c>, <c>item2</c> …) and no local hides <c>output</c> or <c>value</c>.
/// </summary>
internal sealed class LocalNames
{
    private readonly HashSet<string> _used = new() { "output", "value" };

    /// <summary>A fresh name built from <paramref name="hint"/> (a member name or a word such as <c>item</c>).</summary>
    public string Next(string hint)
    {
        var baseName = hint.Length == 0 ? "local" : char.ToLowerInvariant(hint[0]) + hint.Substring(1);
        var name = baseName;
        for (var i = 2; !_used.Add(name); i++)
        {
            name = baseName + i;
        }

        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }
}
