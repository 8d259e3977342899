using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Streaming.Generators.Incremental;

/// <summary>
/// The tokens of a syntax tree outside bodies and initializers, numbered in order: a diagnostic is kept as the
/// numbers of its first and last token, which stay the same when typing inside a method body moves the text
/// after it, so a diagnostic read before such an edit is reported at the right place after it.
/// </summary>
/// <remarks>
/// Every token counted here is one that <see cref="CompilationDeclarations"/> compares (it leaves out at least
/// the bodies, arrow bodies and initializers skipped here), so two compilations it finds equal number them alike.
/// </remarks>
internal sealed class DeclarationTokens
{
    private static readonly ConditionalWeakTable<SyntaxTree, DeclarationTokens> s_cache = new();

    private readonly List<TextSpan> _spans = [];

    private DeclarationTokens(SyntaxTree tree)
    {
        foreach (var token in tree.GetRoot().DescendantTokens(static node => node is not (BlockSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax)))
        {
            _spans.Add(token.Span);
        }
    }

    public static DeclarationTokens Of(SyntaxTree tree) => s_cache.GetValue(tree, static t => new DeclarationTokens(t));

    /// <summary>The numbers of the tokens that <paramref name="span"/> starts and ends with, or <see langword="null"/> if it does not start and end at counted tokens.</summary>
    public (int First, int Last)? Anchor(TextSpan span)
    {
        var first = IndexOf(span.Start, static s => s.Start);
        var last = IndexOf(span.End, static s => s.End);
        return first >= 0 && last >= first ? (first, last) : null;
    }

    /// <summary>The text from the start of token <paramref name="first"/> to the end of token <paramref name="last"/>, or <see langword="null"/> past the end.</summary>
    public TextSpan? Span(int first, int last)
        => first >= 0 && last >= first && last < _spans.Count ? TextSpan.FromBounds(_spans[first].Start, _spans[last].End) : null;

    private int IndexOf(int position, System.Func<TextSpan, int> edge)
    {
        int low = 0, high = _spans.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var value = edge(_spans[middle]);
            if (value == position)
            {
                return middle;
            }

            if (value < position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }
}
