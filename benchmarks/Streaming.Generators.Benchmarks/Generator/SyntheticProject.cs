using System.Text;

namespace Streaming.Generators.Benchmarks.Generator;

/// <summary>
/// Source of a large application for the generator: <see cref="ElementTypes"/> flat records of ten members
/// (text, numbers, dates, a Guid, an enum, nullables) and <see cref="Methods"/> <c>[Stream]</c> methods over them in
/// every format, spread over files as a real project would be, plus one file unrelated to streaming that the
/// incremental benchmark edits.
/// </summary>
public static class SyntheticProject
{
    public const int ElementTypes = 100;
    public const int Methods = 500;
    private const int TypesPerFile = 10;
    private const int MethodsPerClass = 25;

    private static readonly string[] Formats = ["NdJson", "JsonArray", "Csv", "Sse"];

    /// <summary>File path and text of every source file.</summary>
    public static IReadOnlyList<(string Path, string Text)> Files()
    {
        var files = new List<(string, string)>();
        for (var first = 0; first < ElementTypes; first += TypesPerFile)
        {
            var text = new StringBuilder("using System;\n\nnamespace Shop.Model;\n\n");
            for (var t = first; t < first + TypesPerFile; t++)
            {
                text.Append($"public enum Status{t} {{ Open, Closed, Held }}\n\n");
                text.Append($"public sealed record Item{t}(long Id, string Name, string? Note, decimal Price, double Weight, int Quantity, bool Active, DateTimeOffset CreatedAt, DateTime? UpdatedAt, Guid Reference, Status{t} Status);\n\n");
            }

            files.Add(($"Model/Items{first / TypesPerFile}.cs", text.ToString()));
        }

        for (var first = 0; first < Methods; first += MethodsPerClass)
        {
            var text = new StringBuilder("using System.Collections.Generic;\nusing System.Runtime.CompilerServices;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Shop.Model;\nusing Streaming;\n\nnamespace Shop.Streams;\n\n");
            text.Append($"public static class Streams{first / MethodsPerClass}\n{{\n");
            for (var m = first; m < first + MethodsPerClass; m++)
            {
                var type = $"Item{m % ElementTypes}";
                var format = Formats[m % Formats.Length];
                text.Append($"    [Stream(Format.{format}, \"/items/{m}/{{id:int}}\")]\n");
                text.Append($"    public static async IAsyncEnumerable<{type}> Stream{m}(int id, int? limit, [EnumeratorCancellation] CancellationToken ct)\n");
                text.Append("    {\n        await Task.Yield();\n        yield break;\n    }\n\n");
            }

            text.Append("}\n");
            files.Add(($"Streams/Streams{first / MethodsPerClass}.cs", text.ToString()));
        }

        files.Add((UnrelatedPath, Unrelated(0)));
        return files;
    }

    public const string UnrelatedPath = "Services/PriceCalculator.cs";

    /// <summary>
    /// A file with nothing to stream. <paramref name="revision"/> lengthens a method body by one character each, as
    /// typing does; with <paramref name="newMember"/>, the class also declares one more method: an edit to a
    /// declaration, which the generator must read again.
    /// </summary>
    public static string Unrelated(int revision, bool newMember = false)
    {
        var withoutTax = newMember ? "    public static decimal WithoutTax(decimal price) => price / 1.21m;\n" : "";
        return "namespace Shop.Services;\n\npublic static class PriceCalculator\n{\n"
            + $"    public static decimal WithTax(decimal price) => price * 1.2{new string('1', revision + 1)}m;\n"
            + withoutTax
            + "}\n";
    }
}
