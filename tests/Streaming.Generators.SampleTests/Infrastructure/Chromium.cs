using System.Net.Http.Json;
using System.Text.Json;

namespace Streaming.Generators.SampleTests.Infrastructure;

/// <summary>
/// Debian's headless Chromium with a fresh profile, driven over the DevTools protocol. It picks its own
/// debugging port (<c>--remote-debugging-port=0</c>) and writes it to <c>DevToolsActivePort</c> in the profile.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly DirectoryInfo _profile;
    private readonly int _port;

    private Chromium(ChildProcess process, DirectoryInfo profile, int port)
    {
        _process = process;
        _profile = profile;
        _port = port;
    }

    public static async Task<Chromium> LaunchAsync()
    {
        var executable = RequiredTool.Find("chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        var process = ChildProcess.Start(executable,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
            $"--user-data-dir={profile.FullName}", "--remote-debugging-port=0", "about:blank",
        ]);
        try
        {
            return new Chromium(process, profile, await ReadDebuggingPortAsync(profile, process));
        }
        catch
        {
            await process.DisposeAsync();
            profile.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Opens <paramref name="url"/> in the browser's page and connects to it.</summary>
    public async Task<DevToolsPage> OpenAsync(Uri url)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}/") };
        var targets = await http.GetFromJsonAsync<JsonElement>("json/list");
        var page = targets.EnumerateArray().First(target => target.GetProperty("type").GetString() == "page");
        var devTools = await DevToolsPage.ConnectAsync(new Uri(page.GetProperty("webSocketDebuggerUrl").GetString()!));
        await devTools.NavigateAsync(url);
        return devTools;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _profile.Delete(recursive: true);
    }

    private static async Task<int> ReadDebuggingPortAsync(DirectoryInfo profile, ChildProcess process)
    {
        var file = Path.Combine(profile.FullName, "DevToolsActivePort");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"Chromium exited before it opened its debugging port:\n{process.Output}");
            if (File.Exists(file) && File.ReadAllLines(file) is [var port, ..] && int.TryParse(port, out var number))
            {
                return number;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Chromium did not open its debugging port within 30 s:\n{process.Output}");
        return 0;
    }
}
