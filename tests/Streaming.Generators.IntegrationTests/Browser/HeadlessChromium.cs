using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Streaming.Generators.IntegrationTests.Browser;

/// <summary>
/// A headless Chromium (Debian's <c>chromium</c>) showing one page, with a fresh profile. Disposing it ends the
/// browser process it started.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] KnownPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private readonly Process _process;
    private readonly string _profile;
    private readonly StringBuilder _output = new();

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>What the browser printed so far, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The browser executable: <c>CHROMIUM_PATH</c>, else Debian's, else <see langword="null"/>.</summary>
    public static string? Find()
        => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured && File.Exists(configured)
            ? configured
            : KnownPaths.FirstOrDefault(File.Exists);

    public static HeadlessChromium Open(string executable, Uri page)
    {
        var profile = Directory.CreateTempSubdirectory("streaming-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--user-data-dir=" + profile,
            page.ToString()])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var browser = new HeadlessChromium(process, profile);
        process.OutputDataReceived += (_, e) => browser.Append(e.Data);
        process.ErrorDataReceived += (_, e) => browser.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return browser;
    }

    public async ValueTask DisposeAsync()
    {
        // SIGTERM lets Chromium close its own helper processes and reap them; SIGKILL is the fallback.
        if (!_process.HasExited && Terminate(_process.Id) == 0)
        {
            await Task.WhenAny(_process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(5)));
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_profile, recursive: true);
    }

    private static int Terminate(int processId) => kill(processId, 15);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
