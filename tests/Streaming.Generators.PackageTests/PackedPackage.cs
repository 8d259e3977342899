namespace Streaming.Generators.PackageTests;

/// <summary>
/// The packages (the server package and the client), packed once from this checkout into a throw-away local feed,
/// from the build that this test project's references made (so packing writes nothing under <c>src/</c>).
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    public const string Version = "0.1.0-packagetest";

    // The configuration this project was built with, and so its reference to the package project.
    private static readonly string s_configuration = typeof(PackedPackage).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "Configuration").Value!;

    public string Work { get; } = Directory.CreateTempSubdirectory("streaming-package-").FullName;

    public string Feed => System.IO.Path.Combine(Work, "feed");

    public string Path => System.IO.Path.Combine(Feed, $"Streaming.Generators.{Version}.nupkg");

    public string ClientPath => System.IO.Path.Combine(Feed, $"Streaming.Generators.Client.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        foreach (var project in new[] { "src/Runtime/Streaming.Generators.csproj", "src/Client/Streaming.Generators.Client.csproj" })
        {
            await DotNet.RunAsync(DotNet.RepositoryRoot(), "pack", project, "-c", s_configuration, "--no-build", "-o", Feed, $"-p:Version={Version}");
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Work, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A fresh web project, as <c>dotnet new web</c> makes it (nullable and implicit usings on), that takes the
    /// package from the local feed, with a package cache of its own.
    /// </summary>
    public async Task<string> CreateProjectAsync(string name, bool treatWarningsAsErrors, string extraReferences = "")
    {
        var app = Directory.CreateDirectory(System.IO.Path.Combine(Work, name)).FullName;
        await File.WriteAllTextAsync(System.IO.Path.Combine(app, "nuget.config"), NuGetConfig());
        await File.WriteAllTextAsync(System.IO.Path.Combine(app, $"{name}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>{(treatWarningsAsErrors ? "true" : "false")}</TreatWarningsAsErrors>
                <NuGetAudit>false</NuGetAudit>
                <RestorePackagesPath>{System.IO.Path.Combine(Work, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Streaming.Generators" Version="{Version}" />
                {extraReferences}
              </ItemGroup>
            </Project>
            """);
        return app;
    }

    /// <summary>A nuget.config that adds the local feed.</summary>
    public string NuGetConfig() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="local" value="{Feed}" />
          </packageSources>
        </configuration>
        """;
}

/// <summary>The tests that use the package share one pack of it (and so never pack it twice at once).</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "packed package";
}
