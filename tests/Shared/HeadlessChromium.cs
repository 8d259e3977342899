using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Streaming.Generators.Testing;

/// <summary>
/// A headless Chromium (Debian's <c>chromium</c>) showing one page, with a fresh profile. Disposing it ends the
/// browser process it started. Shared by the test projects that need a real browser.
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

    /// <summary>Starts the browser on <paramref name="page"/>.</summary>
    /// <param name="executable">The browser, from <see cref="Find"/>.</param>
    /// <param name="page">The page to show.</param>
    /// <param name="devTools">
    /// Whether to open the DevTools protocol on a port the browser picks (<c>--remote-debugging-port=0</c>); see
    /// <see cref="DevToolsPortAsync"/>.
    /// </param>
    public static HeadlessChromium Open(string executable, Uri page, bool devTools = false)
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
            .. (devTools ? (string[])["--remote-debugging-port=0"] : []),
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

    /// <summary>The DevTools port the browser picked, which it writes to <c>DevToolsActivePort</c> in its profile.</summary>
    public async Task<int> DevToolsPortAsync(TimeSpan timeout)
    {
        var file = Path.Combine(_profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (File.Exists(file) && File.ReadAllLines(file) is [var port, ..] && int.TryParse(port, out var number))
            {
                return number;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"Chromium opened no DevTools port within {timeout} (was it opened with devTools?):\n{Output}");
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
