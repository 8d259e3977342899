namespace Streaming.Generators.PackageTests;

/// <summary>
/// Every complete C# example in the documentation builds, as written, against the packed package with no
/// warning (nullable on, warnings as errors); a page that uses EF Core gets EF Core's SQLite provider, as its
/// reader would add it.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class DocumentedCodeTests(PackedPackage packed)
{
    private static readonly string s_root = DotNet.RepositoryRoot();

    public static TheoryData<string> PagesWithExamples => new(CompletePages());

    [Fact]
    public void Every_csharp_block_is_a_complete_example_or_marked_as_a_fragment()
    {
        var pages = DocumentedCode.Pages(s_root);
        Assert.Empty(pages.SelectMany(page => DocumentedCode.OtherCSharpFences(s_root, page)));

        // The examples a reader copies first are complete: the README's and getting started's.
        var complete = CompletePages().ToList();
        Assert.Contains("README.md", complete);
        Assert.Contains(Path.Combine("docs", "getting-started.md"), complete);
    }

    [Theory]
    [MemberData(nameof(PagesWithExamples))]
    public async Task The_complete_examples_of_a_page_build_with_no_warning(string page)
    {
        var blocks = DocumentedCode.Blocks(s_root, page).Where(block => !block.IsFragment).ToList();
        var usesEfCore = blocks.Any(block => block.Code.Contains("using Microsoft.EntityFrameworkCore;", StringComparison.Ordinal));
        var name = "docs-" + Path.ChangeExtension(page, null).Replace(Path.DirectorySeparatorChar, '-').ToLowerInvariant();
        var app = await packed.CreateProjectAsync(name, treatWarningsAsErrors: true,
            usesEfCore ? """<PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="10.0.15" />""" : "");
        foreach (var block in blocks)
        {
            // A file per block, named by its line, so a compiler message points at the page.
            await File.WriteAllTextAsync(Path.Combine(app, $"Line{block.Line}.cs"), block.Code);
        }

        var build = await DotNet.RunAsync(app, "build", "-c", "Release");
        Assert.Matches(@"\b0 Warning\(s\)", build);
    }

    private static IEnumerable<string> CompletePages()
        => DocumentedCode.Pages(s_root).Where(page => DocumentedCode.Blocks(s_root, page).Any(block => !block.IsFragment));
}
