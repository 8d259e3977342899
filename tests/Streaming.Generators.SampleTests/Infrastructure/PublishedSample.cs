using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Streaming.Generators.SampleTests.Infrastructure;

/// <summary>
/// The sample published once per change of its sources: the output is kept under <c>artifacts/</c> by a hash of
/// everything that goes into it, so a rerun without changes does not publish again.
/// </summary>
public abstract partial class PublishedSample(string name, string property) : IAsyncLifetime
{
    public string Directory { get; private set; } = null!;

    public string Executable => Path.Combine(Directory, "Orders");

    /// <summary>What <c>dotnet publish</c> printed (kept from the run that produced the cached output).</summary>
    public string PublishOutput { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var directory = Path.Combine(Repository.Root, "artifacts", name, InputsHash());
        var log = Path.Combine(directory, "publish.log");
        Directory = Path.Combine(directory, "app");
        if (!File.Exists(Executable) || !File.Exists(log))
        {
            var publish = await ChildProcess.RunAsync("dotnet",
                ["publish", Repository.SampleProject, "-c", "Release", "-r", "linux-x64", $"-p:{property}=true", "-o", Directory],
                TimeSpan.FromMinutes(15));
            await File.WriteAllTextAsync(log, publish.Output);
        }

        PublishOutput = await File.ReadAllTextAsync(log);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Trimming (IL2xxx) and AOT (IL3xxx) warnings in the publish output.</summary>
    public IReadOnlyList<string> TrimWarnings()
        => PublishOutput.Split('\n').Where(line => TrimWarning().IsMatch(line)).Distinct().ToList();

    // The sample's and the library's sources and project files: what the published app is made from.
    private static string InputsHash()
    {
        var files = new[] { "samples/Orders", "src" }
            .SelectMany(folder => System.IO.Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), "*", SearchOption.AllDirectories))
            .Where(file => !file.Contains("/bin/", StringComparison.Ordinal) && !file.Contains("/obj/", StringComparison.Ordinal) && !file.EndsWith(".db", StringComparison.Ordinal))
            .Concat(new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" }.Select(file => Path.Combine(Repository.Root, file)))
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(Repository.Root, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    [GeneratedRegex(@"\b(warning|error) IL[23]\d{3}\b")]
    private static partial Regex TrimWarning();
}

/// <summary>Trimmed and self-contained, still on the JIT (<c>-p:Trim=true</c>).</summary>
public sealed class TrimmedSample() : PublishedSample("trimmed-sample", "Trim");

/// <summary>A NativeAOT executable (<c>-p:Aot=true</c>): no JIT, no IL, one native binary and SQLite's library.</summary>
public sealed class NativeSample() : PublishedSample("native-sample", "Aot");
