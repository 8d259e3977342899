using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Streaming.Analyzers.Tests.Harness;

/// <summary>The C# sources embedded in the test assembly (RealisticCode/, Corpus/), by folder.</summary>
internal static class Resources
{
    public static IReadOnlyList<(string Name, string Text)> In(string folder)
    {
        var assembly = typeof(Resources).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(folder + "/", System.StringComparison.Ordinal))
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n, reader.ReadToEnd());
            })
            .ToList();
    }
}
