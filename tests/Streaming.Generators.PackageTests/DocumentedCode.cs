using System.Text.RegularExpressions;

namespace Streaming.Generators.PackageTests;

/// <summary>
/// The C# blocks of the repository's Markdown (README.md, docs/, the sample's README). A <c>```csharp</c> block
/// is a complete example unless the line before its fence is <c>&lt;!-- fragment --&gt;</c>; the complete
/// examples of one page are one program, each block a file of it (see docs/contributing.md).
/// </summary>
internal static partial class DocumentedCode
{
    public const string FragmentMarker = "<!-- fragment -->";

    public sealed record Block(string Page, int Line, string Code, bool IsFragment);

    public static IReadOnlyList<string> Pages(string root)
        => new[] { Path.Combine(root, "README.md"), Path.Combine(root, "samples", "Orders", "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories))
            .Select(page => Path.GetRelativePath(root, page))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IEnumerable<Block> Blocks(string root, string page)
    {
        // A fence may be indented (a block inside a list item); its code is indented as much.
        var lines = File.ReadAllLines(Path.Combine(root, page));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            var start = i;
            var indent = lines[start].Length - lines[start].TrimStart().Length;
            var end = Array.FindIndex(lines, start + 1, line => line.Trim() == "```");
            Assert.True(end > start, $"{page}:{start + 1}: the ```csharp block is not closed.");
            var previous = lines.Take(start).LastOrDefault(line => line.Trim().Length > 0)?.Trim();
            var code = lines[(start + 1)..end].Select(line => line.Length >= indent && line[..indent].Trim().Length == 0 ? line[indent..] : line.TrimStart());
            yield return new Block(page, start + 1, string.Join('\n', code) + "\n", previous == FragmentMarker);
            i = end;
        }
    }

    /// <summary>Fences that name C# another way (<c>cs</c>, <c>c#</c>), which no test would see.</summary>
    public static IEnumerable<string> OtherCSharpFences(string root, string page)
        => File.ReadAllLines(Path.Combine(root, page))
            .Select((line, index) => (line, index))
            .Where(x => OtherCSharpFence().IsMatch(x.line))
            .Select(x => $"{page}:{x.index + 1}: {x.line}");

    [GeneratedRegex(@"^\s*```\s*(cs|c#|C#|CSharp)\s*$")]
    private static partial Regex OtherCSharpFence();
}
