using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Streaming.Generators.PackageTests;

/// <summary>
/// Consumes the packed nupkg exactly as a user does: a fresh project that references
/// <c>Streaming.Generators</c> from a local folder (not a project reference), with its own package cache.
/// </summary>
public sealed partial class PackedPackageTests(PackedPackage packed) : IClassFixture<PackedPackage>
{
    private const string Version = PackedPackage.Version;
    private readonly string _work = packed.Work;
    private readonly string _package = packed.Path;

    [Fact]
    public void The_package_holds_the_runtime_and_the_roslyn_components_and_nothing_it_should_not()
    {
        using var archive = ZipFile.OpenRead(_package);
        var entries = archive.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("lib/net10.0/Streaming.Generators.dll", entries);
        Assert.Contains("lib/net10.0/Streaming.Generators.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/Streaming.Generators.SourceGeneration.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Streaming.Generators.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Streaming.Generators.CodeFixes.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));

        using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var manifest = nuspec.ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", manifest);
        Assert.Contains("<readme>README.md</readme>", manifest);
        Assert.Contains("<frameworkReference name=\"Microsoft.AspNetCore.App\" />", manifest);
        Assert.DoesNotContain("<dependency ", manifest);
    }

    [Fact]
    public async Task A_project_that_references_the_package_builds_without_warnings_and_streams()
    {
        var app = await CreateProjectAsync("app", treatWarningsAsErrors: true);
        await File.WriteAllTextAsync(System.IO.Path.Combine(app, "Program.cs"), """
            using System.Runtime.CompilerServices;
            using Streaming;

            var app = WebApplication.CreateBuilder(args).Build();
            app.MapStreamEndpoints();
            app.Run();

            public sealed record Tick(int Number, string Label, DateTimeOffset At);

            public static class Ticks
            {
                [Stream(Format.NdJson, "/ticks")]
                public static async IAsyncEnumerable<Tick> All(int count, [EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    for (var i = 0; i < count; i++)
                    {
                        await Task.Delay(1, cancellationToken);
                        yield return new Tick(i, $"tick {i}", DateTimeOffset.UnixEpoch.AddSeconds(i));
                    }
                }
            }
            """);

        var build = await DotNet.RunAsync(app, "build", "-c", "Release");
        Assert.Matches(@"\b0 Warning\(s\)", build);

        using var server = DotNet.Start(app, "run", "-c", "Release", "--no-build", "--urls", "http://127.0.0.1:0");
        try
        {
            var address = await ListeningAddressAsync(server);
            using var client = new HttpClient { BaseAddress = address };
            var body = await client.GetStringAsync("/ticks?count=3");

            Assert.Equal(
                """
                {"number":0,"label":"tick 0","at":"1970-01-01T00:00:00+00:00"}
                {"number":1,"label":"tick 1","at":"1970-01-01T00:00:01+00:00"}
                {"number":2,"label":"tick 2","at":"1970-01-01T00:00:02+00:00"}

                """.ReplaceLineEndings("\n"),
                body);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void The_client_package_holds_the_client_alone_with_no_dependency()
    {
        using var archive = ZipFile.OpenRead(packed.ClientPath);
        var entries = archive.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("lib/net10.0/Streaming.Generators.Client.dll", entries);
        Assert.Contains("lib/net10.0/Streaming.Generators.Client.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) || e.EndsWith("Streaming.Generators.dll", StringComparison.Ordinal));

        using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var manifest = nuspec.ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", manifest);
        Assert.DoesNotContain("frameworkReference", manifest);
        Assert.DoesNotContain("<dependency ", manifest);
    }

    [Fact]
    public async Task A_console_app_that_references_the_client_package_reads_a_stream_of_the_server_package_with_no_aot_warnings()
    {
        var server = await CreateProjectAsync("ticker", treatWarningsAsErrors: true);
        await File.WriteAllTextAsync(System.IO.Path.Combine(server, "Program.cs"), """
            using Streaming;

            var app = WebApplication.CreateBuilder(args).Build();
            app.MapStreamEndpoints();
            app.Run();

            public sealed record Tick(int Number, string Label);

            public static class Ticks
            {
                [Stream(Format.NdJson, "/ticks")]
                public static IEnumerable<Tick> All(int count) => Enumerable.Range(1, count).Select(i => new Tick(i, $"tick {i}"));

                [Stream(Format.Sse, "/ticks/events")]
                public static IEnumerable<Tick> Events(int count) => Enumerable.Range(1, count).Select(i => new Tick(i, $"tick {i}"));
            }
            """);
        await DotNet.RunAsync(server, "build", "-c", "Release");

        // A plain console project (no ASP.NET Core), with the trimming and AOT analyzers on and warnings as errors.
        var reader = Directory.CreateDirectory(System.IO.Path.Combine(_work, "reader")).FullName;
        await File.WriteAllTextAsync(System.IO.Path.Combine(reader, "nuget.config"), NuGetConfig());
        await File.WriteAllTextAsync(System.IO.Path.Combine(reader, "reader.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <IsAotCompatible>true</IsAotCompatible>
                <NuGetAudit>false</NuGetAudit>
                <RestorePackagesPath>{System.IO.Path.Combine(_work, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Streaming.Generators.Client" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(System.IO.Path.Combine(reader, "Program.cs"), """
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using Streaming.Client;

            using var http = new HttpClient { BaseAddress = new Uri(args[0]) };
            await foreach (var tick in http.GetFromNdJsonAsAsyncEnumerable("/ticks?count=3", ReaderJson.Default.Tick))
            {
                Console.WriteLine($"ndjson {tick!.Number} {tick.Label}");
            }

            await foreach (var item in http.GetFromSseAsAsyncEnumerable("/ticks/events?count=2", ReaderJson.Default.Tick).Take(2))
            {
                Console.WriteLine($"sse {item.Data.Number} {item.Data.Label}");
            }

            public sealed record Tick(int Number, string Label);

            [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
            [JsonSerializable(typeof(Tick))]
            internal sealed partial class ReaderJson : JsonSerializerContext;
            """);
        var build = await DotNet.RunAsync(reader, "build", "-c", "Release");
        Assert.Matches(@"\b0 Warning\(s\)", build);

        using var running = DotNet.Start(server, "run", "-c", "Release", "--no-build", "--urls", "http://127.0.0.1:0");
        try
        {
            var address = await ListeningAddressAsync(running);
            var output = await DotNet.RunAsync(reader, "run", "-c", "Release", "--no-build", "--", address.ToString());

            Assert.Equal(
                ["ndjson 1 tick 1", "ndjson 2 tick 2", "ndjson 3 tick 3", "sse 1 tick 1", "sse 2 tick 2"],
                output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        finally
        {
            running.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Building_code_with_buffering_mistakes_prints_exactly_the_expected_warnings_and_nothing_on_clean_code()
    {
        var app = await CreateProjectAsync("mistakes", treatWarningsAsErrors: false, """<PackageReference Include="Microsoft.EntityFrameworkCore.InMemory" Version="10.0.14" />""");
        await File.WriteAllTextAsync(System.IO.Path.Combine(app, "Program.cs"), ProjectSources.Program);
        await File.WriteAllTextAsync(System.IO.Path.Combine(app, "Mistakes.cs"), ProjectSources.Mistakes);
        await File.WriteAllTextAsync(System.IO.Path.Combine(app, "Clean.cs"), ProjectSources.Clean);

        var build = await DotNet.RunAsync(app, "build", "-c", "Release");

        // MSBuild repeats each warning in its summary; a warning is its file, position and id.
        var warnings = WarningLine().Matches(build)
            .Select(m => (File: System.IO.Path.GetFileName(m.Groups["file"].Value), Line: int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), Id: m.Groups["id"].Value))
            .Distinct()
            .OrderBy(w => w.File, StringComparer.Ordinal).ThenBy(w => w.Line)
            .ToList();
        Assert.Equal(4, ProjectSources.ExpectedWarnings.Count);
        Assert.Equal(ProjectSources.ExpectedWarnings, warnings);
    }

    /// <summary>A fresh web project that takes the package from the local feed, with a package cache of its own.</summary>
    private async Task<string> CreateProjectAsync(string name, bool treatWarningsAsErrors, string extraReferences = "")
    {
        var app = Directory.CreateDirectory(System.IO.Path.Combine(_work, name)).FullName;
        await File.WriteAllTextAsync(System.IO.Path.Combine(app, "nuget.config"), NuGetConfig());
        await File.WriteAllTextAsync(System.IO.Path.Combine(app, $"{name}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>{(treatWarningsAsErrors ? "true" : "false")}</TreatWarningsAsErrors>
                <NuGetAudit>false</NuGetAudit>
                <RestorePackagesPath>{System.IO.Path.Combine(_work, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Streaming.Generators" Version="{Version}" />
                {extraReferences}
              </ItemGroup>
            </Project>
            """);
        return app;
    }

    /// <summary>Packages from the local feed only.</summary>
    private string NuGetConfig() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="local" value="{packed.Feed}" />
          </packageSources>
        </configuration>
        """;

    [GeneratedRegex(@"(?<file>[^\s:]+\.cs)\((?<line>\d+),\d+\): warning (?<id>STRM\d{3})")]
    private static partial Regex WarningLine();

    /// <summary>Reads the app's log until Kestrel says where it listens.</summary>
    private static async Task<Uri> ListeningAddressAsync(System.Diagnostics.Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"The app exited before listening: {await server.StandardError.ReadToEndAsync()}");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
