namespace Streaming.Generators.PackageTests;

/// <summary>The packages (the server package and the client), packed once from this checkout into a throw-away local feed.</summary>
public sealed class PackedPackage : IAsyncLifetime
{
    public const string Version = "0.1.0-packagetest";

    public string Work { get; } = Directory.CreateTempSubdirectory("streaming-package-").FullName;

    public string Feed => System.IO.Path.Combine(Work, "feed");

    public string Path => System.IO.Path.Combine(Feed, $"Streaming.Generators.{Version}.nupkg");

    public string ClientPath => System.IO.Path.Combine(Feed, $"Streaming.Generators.Client.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        await DotNet.RunAsync(DotNet.RepositoryRoot(), "pack", "src/Runtime/Streaming.Generators.csproj", "-c", "Release", "-o", Feed, $"-p:Version={Version}");
        await DotNet.RunAsync(DotNet.RepositoryRoot(), "pack", "src/Client/Streaming.Generators.Client.csproj", "-c", "Release", "-o", Feed, $"-p:Version={Version}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Work, recursive: true);
        return Task.CompletedTask;
    }
}
