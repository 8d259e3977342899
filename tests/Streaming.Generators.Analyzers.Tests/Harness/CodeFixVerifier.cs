using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Sdk;

namespace Streaming.Analyzers.Tests.Harness;

/// <summary>
/// Applies a code fix to a marked-up source and checks the result: the text must equal the expected source,
/// which must compile (generator included) and carry exactly the diagnostics its own markup expects.
/// </summary>
internal static class CodeFixVerifier
{
    /// <param name="before">The source to fix, its diagnostics marked.</param>
    /// <param name="after">The expected fixed source, with any diagnostics that remain marked.</param>
    /// <param name="fixAll">Fix every diagnostic of the provider's IDs at once (fix-all in document), rather than the first one.</param>
    public static async Task VerifyAsync<TProvider>(string before, string after, bool fixAll = false)
        where TProvider : CodeFixProvider, new()
    {
        var provider = new TProvider();
        AnalyzerVerifier.Verify(before);
        var (source, _) = Markup.Parse(before);

        using var workspace = new AdhocWorkspace();
        var document = AddProject(workspace, source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = Analyzers.Run(compilation).Diagnostics
            .Where(d => provider.FixableDiagnosticIds.Contains(d.Id) && d.Location.SourceTree?.FilePath == TestProject.TestFileName)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        Assert.False(diagnostics.IsEmpty, "The source has nothing for this code fix to fix.");

        var action = fixAll
            ? await FixAllActionAsync(provider, document, diagnostics)
            : (await ActionsAsync(provider, document, diagnostics[0])).FirstOrDefault();
        Assert.True(action is not null, "The code fix offered no action.");

        var fixedDocument = await ApplyAsync(action!, document);
        var fixedText = (await fixedDocument.GetTextAsync()).ToString();
        var (expectedText, _) = Markup.Parse(after);
        if (fixedText != expectedText)
        {
            throw new XunitException("The fixed source differs from the expected one:\n" + TextDiff.Lines(expectedText, fixedText));
        }

        AssertGeneratesAndCompiles(fixedText);
        AnalyzerVerifier.Verify(after);
    }

    /// <summary>The actions a provider offers for one diagnostic.</summary>
    public static async Task<ImmutableArray<CodeAction>> ActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
        return actions.ToImmutable();
    }

    /// <summary>Whether the provider offers any fix for the first of its diagnostics in <paramref name="markup"/>.</summary>
    public static async Task<bool> OffersFixAsync<TProvider>(string markup)
        where TProvider : CodeFixProvider, new()
    {
        var provider = new TProvider();
        AnalyzerVerifier.Verify(markup);
        using var workspace = new AdhocWorkspace();
        var document = AddProject(workspace, Markup.Parse(markup).Source);
        var diagnostic = Analyzers.Run((await document.Project.GetCompilationAsync())!).Diagnostics
            .First(d => provider.FixableDiagnosticIds.Contains(d.Id));
        return !(await ActionsAsync(provider, document, diagnostic)).IsEmpty;
    }

    private static void AssertGeneratesAndCompiles(string source)
    {
        var (output, diagnostics, exceptions) = Generator.Run(TestProject.Compile(source));
        Assert.True(exceptions.IsEmpty, "The generator threw:\n" + string.Join("\n", exceptions));
        var errors = diagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The fixed source does not compile:\n" + string.Join("\n", errors) + "\n\n" + source);
    }

    private static async Task<CodeAction?> FixAllActionAsync(CodeFixProvider provider, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var first = (await ActionsAsync(provider, document, diagnostics[0])).FirstOrDefault();
        var fixAllProvider = provider.GetFixAllProvider();
        Assert.NotNull(fixAllProvider);
        var context = new FixAllContext(
            document,
            provider,
            FixAllScope.Document,
            first?.EquivalenceKey,
            provider.FixableDiagnosticIds,
            new FixedDiagnostics(diagnostics),
            CancellationToken.None);
        return await fixAllProvider!.GetFixAsync(context);
    }

    private static async Task<Document> ApplyAsync(CodeAction action, Document document)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return solution.GetDocument(document.Id)!;
    }

    private static Document AddProject(AdhocWorkspace workspace, string source)
    {
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "TestApp",
            "TestApp",
            LanguageNames.CSharp,
            compilationOptions: TestProject.CompilationOptions,
            parseOptions: TestProject.ParseOptions,
            metadataReferences: TestReferences.All));
        foreach (var (name, text) in TestProject.SupportFiles)
        {
            project = workspace.AddDocument(project.Id, name, SourceText.From(text)).Project;
        }

        return workspace.AddDocument(project.Id, TestProject.TestFileName, SourceText.From(source));
    }

    /// <summary>Hands the fix-all exactly the diagnostics the analyzers reported.</summary>
    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(ImmutableArray<Diagnostic>.Empty);
    }
}
