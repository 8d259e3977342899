using Streaming.Generators.SampleTests.Infrastructure;

namespace Streaming.Generators.SampleTests;

/// <summary>
/// The sample published trimmed (full trim mode, every warning reported on its own, third-party assemblies'
/// included) and run: no trimming or AOT warnings, and the same bytes on the wire as the JIT build.
/// </summary>
public sealed class TrimmedPublishTests(TrimmedSample published) : IClassFixture<TrimmedSample>
{
    [Fact]
    public void Publishing_reports_no_trimming_or_aot_warnings()
    {
        Assert.Empty(published.TrimWarnings());

        // Trimmed for real: the framework shrank, and JSON has no reflection to fall back on.
        var coreLib = new FileInfo(Path.Combine(published.Directory, "System.Private.CoreLib.dll"));
        var framework = new FileInfo(typeof(object).Assembly.Location);
        Assert.True(coreLib.Length < framework.Length / 2, $"CoreLib is {coreLib.Length} bytes published, {framework.Length} in the framework.");
        Assert.Contains("\"System.Text.Json.JsonSerializer.IsReflectionEnabledByDefault\": false",
            File.ReadAllText(Path.Combine(published.Directory, "Orders.runtimeconfig.json")));
    }

    [Fact]
    public Task The_trimmed_app_streams_the_same_bytes_as_the_jit_build()
        => JitComparison.AssertSameBytesAsync(published.Executable);
}
