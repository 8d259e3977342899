using System.Text.RegularExpressions;

namespace Streaming.Generators.SampleTests.Infrastructure;

/// <summary>The commands README.md tells a newcomer to type, read from the file as it is.</summary>
public static partial class Readme
{
    /// <summary>The fenced code blocks of the section with <paramref name="heading"/>, in order.</summary>
    public static IReadOnlyList<string> CommandsUnder(string heading)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var start = text.IndexOf($"\n## {heading}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no '## {heading}' section.");
        var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? text[start..] : text[start..end];
        return CodeBlock().Matches(section).Select(match => match.Groups["code"].Value.Trim()).ToList();
    }

    [GeneratedRegex("```[a-z]*\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
