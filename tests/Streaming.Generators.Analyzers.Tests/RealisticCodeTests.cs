using System.Threading.Tasks;
using System.Linq;
using Microsoft.CodeAnalysis;
using Streaming.Analyzers.Tests.Harness;
using Xunit;

namespace Streaming.Analyzers.Tests;

/// <summary>
/// False alarms: application code written the usual way (paged lists, lookups built before a stream, EF Core
/// outside [Stream] methods, MVC controllers) compiles, generates, and gets no Streaming diagnostic at all.
/// </summary>
public sealed class RealisticCodeTests
{
    [Fact]
    public void Realistic_application_code_gets_no_diagnostics()
    {
        var files = Resources.In("RealisticCode");
        Assert.NotEmpty(files);
        var compilation = TestProject.Compile(files.Select(f => f.Text).ToArray());
        Assert.Empty(TestProject.Errors(compilation));

        var (output, generated, generatorExceptions) = Generator.Run(compilation);
        Assert.Empty(generatorExceptions);
        var errors = generated.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "Generated code does not compile:\n" + string.Join("\n", errors));

        var (diagnostics, exceptions) = Harness.Analyzers.Run(compilation);
        Assert.Empty(exceptions);
        Assert.True(diagnostics.IsEmpty, "False alarms:\n" + string.Join("\n", diagnostics));
    }

    [Fact]
    public Task Every_known_mistake_gets_exactly_its_diagnostic()
    {
        var (_, text) = Assert.Single(Resources.In("Corpus"));
        return StreamingVerifier.VerifyAnalyzerAsync(text);
    }
}
