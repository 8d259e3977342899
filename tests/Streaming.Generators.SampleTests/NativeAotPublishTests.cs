using Streaming.Generators.SampleTests.Infrastructure;

namespace Streaming.Generators.SampleTests;

/// <summary>
/// The sample compiled ahead of time to one native executable (<c>-p:Aot=true</c>, which needs clang and
/// zlib1g-dev from eng/install-test-deps.sh): no warning from the ILC step, and the same bytes on the wire as the
/// JIT build for every format.
/// </summary>
public sealed class NativeAotPublishTests(NativeSample published) : IClassFixture<NativeSample>
{
    [Fact]
    public void Publishing_reports_no_trimming_or_aot_warnings()
    {
        Assert.Contains("Generating native code", published.PublishOutput);
        Assert.Empty(published.TrimWarnings());
        Assert.DoesNotMatch(@"\bwarning\b", published.PublishOutput);

        // Native for real: no managed entry assembly and no runtime next to the executable.
        Assert.True(File.Exists(published.Executable));
        Assert.False(File.Exists(Path.Combine(published.Directory, "Orders.dll")));
        Assert.False(File.Exists(Path.Combine(published.Directory, "System.Private.CoreLib.dll")));
        Assert.Equal("\x7f" + "ELF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(published.Executable), 0, 4));
    }

    [Fact]
    public Task The_native_app_streams_the_same_bytes_as_the_jit_build()
        => JitComparison.AssertSameBytesAsync(published.Executable);
}
