using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Streaming.Generators.Benchmarks.Generator;

/// <summary>
/// The least a generator that finds <c>[Stream]</c> methods with <c>ForAttributeWithMetadataName</c> can cost: it
/// finds the same methods as <see cref="StreamGenerator"/> and does nothing with them. Roslyn re-runs that search
/// (a semantic model per file, each method's symbol, its attributes bound and compared by name) on every
/// compilation, so this is the floor of an edit for any such generator.
/// </summary>
public sealed class AttributeFloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var methods = context.SyntaxProvider.ForAttributeWithMetadataName(
            "Streaming.StreamAttribute",
            static (node, _) => node is MethodDeclarationSyntax,
            static (_, _) => 0);
        context.RegisterSourceOutput(methods.Collect(), static (_, _) => { });
    }
}
