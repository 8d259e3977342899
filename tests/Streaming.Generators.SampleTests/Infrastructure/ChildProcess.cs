using System.Diagnostics;
using System.Text;
using Streaming.Generators.Testing;

namespace Streaming.Generators.SampleTests.Infrastructure;

/// <summary>
/// A program a test started: its output is kept for failure messages, and disposing it kills it with all its
/// children, so no test leaves a server behind.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _standardOutput = new();

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything it printed, standard output and error interleaved.</summary>
    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>What it printed on standard output only.</summary>
    public string StandardOutput
    {
        get { lock (_output) { return _standardOutput.ToString(); } }
    }

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.WithCleanDotNet();
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data, standardOutput: true);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data, standardOutput: false);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a command to the end and fails the test, with its output, if it does not succeed.</summary>
    public static async Task<ChildProcess> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout,
        string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        await using var child = Start(fileName, arguments, workingDirectory, environment);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await child.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{fileName} {string.Join(' ', arguments)} did not finish in {timeout}:\n{child.Output}");
        }

        Assert.True(child.ExitCode == 0, $"{fileName} {string.Join(' ', arguments)} exited with {child.ExitCode}:\n{child.Output}");
        return child;
    }

    public async Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        _process.WaitForExit(); // lets the output readers drain
    }

    /// <summary>Resident memory of the process, from /proc (what the kernel charges it).</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..^"kB".Length].Trim()) * 1024;
            }
        }

        throw new InvalidOperationException($"No VmRSS for process {Id}.");
    }

    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Append(string? line, bool standardOutput)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (standardOutput)
            {
                _standardOutput.AppendLine(line);
            }
        }
    }
}
