using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.EntityFrameworkCore;

namespace Streaming.Analyzers.Tests.Harness;

/// <summary>
/// The assemblies test sources compile against: this test host's trusted platform assemblies (the .NET and
/// ASP.NET Core shared frameworks, and the packages the tests reference, EF Core among them) and the
/// Streaming.Generators runtime. Real types, not hand-made stubs.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_all = new(Load);

    public static ImmutableArray<MetadataReference> All => s_all.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var wanted = trusted
            .Append(typeof(DbContext).Assembly.Location)
            .Append(typeof(StreamAttribute).Assembly.Location)
            .Where(path => !IsTestInfrastructure(Path.GetFileNameWithoutExtension(path)));

        return wanted
            .GroupBy(path => Path.GetFileName(path), StringComparer.OrdinalIgnoreCase)
            .Select(group => (MetadataReference)MetadataReference.CreateFromFile(group.First()))
            .ToImmutableArray();
    }

    /// <summary>The test host's own assemblies: an application would never reference them.</summary>
    private static bool IsTestInfrastructure(string name)
        => name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
           || name.StartsWith("testhost", StringComparison.OrdinalIgnoreCase)
           || name.StartsWith("Microsoft.TestPlatform", StringComparison.OrdinalIgnoreCase)
           || name.StartsWith("Microsoft.VisualStudio", StringComparison.OrdinalIgnoreCase)
           || name.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)
           || name.StartsWith("Streaming.Generators.", StringComparison.OrdinalIgnoreCase);
}
