using System.Reflection;

namespace Streaming.Generators.SampleTests.Infrastructure;

/// <summary>Where things are in this checkout.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The sample's build output (the configuration these tests were built with).</summary>
    public static string SampleOutput { get; } = typeof(Repository).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SampleOutput").Value!;

    /// <summary>The build output of the small application the shutdown tests stop.</summary>
    public static string ShutdownAppOutput { get; } = typeof(Repository).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ShutdownAppOutput").Value!;

    public static string SampleProject => Path.Combine(Root, "samples", "Orders", "Orders.csproj");

    /// <summary>The script that installs what these tests need; named in every failure about a missing tool.</summary>
    public const string InstallScript = "bash eng/install-test-deps.sh";

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Streaming.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Streaming.Generators.sln) was not found.");
    }
}
