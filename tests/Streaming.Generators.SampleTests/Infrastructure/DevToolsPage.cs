using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Streaming.Generators.Testing;

namespace Streaming.Generators.SampleTests.Infrastructure;

/// <summary>
/// A page in headless Chromium, driven over the DevTools protocol (<see cref="ClientWebSocket"/>): evaluate
/// script in it and wait for what it shows. Disposing it closes the browser.
/// </summary>
public sealed class DevToolsPage : IAsyncDisposable
{
    private readonly HeadlessChromium _browser;
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _receiving;
    private int _nextId;

    private DevToolsPage(HeadlessChromium browser, ClientWebSocket socket)
    {
        _browser = browser;
        _socket = socket;
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>Starts a browser on <paramref name="url"/> and returns once the page has loaded.</summary>
    public static async Task<DevToolsPage> OpenAsync(Uri url)
    {
        var executable = HeadlessChromium.Find();
        Assert.True(executable is not null, $"Chromium is not installed. Run `{Repository.InstallScript}` (as root, or with sudo).");
        var browser = HeadlessChromium.Open(executable, url, devTools: true);
        var socket = new ClientWebSocket();
        try
        {
            var port = await browser.DevToolsPortAsync(TimeSpan.FromSeconds(30));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var targets = await http.GetFromJsonAsync<JsonElement>("json/list");
            var target = targets.EnumerateArray().First(target => target.GetProperty("type").GetString() == "page");
            await socket.ConnectAsync(new Uri(target.GetProperty("webSocketDebuggerUrl").GetString()!), CancellationToken.None);
        }
        catch
        {
            socket.Dispose();
            await browser.DisposeAsync();
            throw;
        }

        var page = new DevToolsPage(browser, socket);
        await page.WaitUntilAsync($"location.href === {JsonSerializer.Serialize(url.ToString())} && document.readyState === 'complete'",
            TimeSpan.FromSeconds(30), $"{url} to load");
        return page;
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page and returns its value as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["returnByValue"] = true,
            ["awaitPromise"] = true,
        });
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            Assert.Fail($"The page threw while evaluating `{expression}`: {exception}");
        }

        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var json) ? json : default;
    }

    /// <summary>Polls until <paramref name="condition"/> is true in the page; fails naming <paramref name="what"/>.</summary>
    public async Task WaitUntilAsync(string condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await EvaluateAsync($"!!({condition})") is { ValueKind: JsonValueKind.True })
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Waited {timeout} for {what} (`{condition}`); the page shows:\n{(await EvaluateAsync("document.body.innerText")).GetString()}");
    }

    /// <summary>Saves what the page shows as a PNG, for a person to look at.</summary>
    public async Task ScreenshotAsync(string path, int width = 1400, int height = 1000)
    {
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false,
        });
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }

    public async ValueTask DisposeAsync()
    {
        _closing.Cancel();
        try
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The browser went first.
        }

        await _receiving;
        _socket.Dispose();
        await _browser.DisposeAsync();
    }

    private async Task<JsonElement> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var response = await reply.Task.WaitAsync(TimeSpan.FromSeconds(30));
        if (response.TryGetProperty("error", out var error))
        {
            Assert.Fail($"DevTools {method} failed: {error}");
        }

        return response.GetProperty("result");
    }

    // Replies are matched to requests by id; events (messages without an id) are not needed here.
    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (!_closing.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                var json = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                message.SetLength(0);
                if (json.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var reply))
                {
                    reply.TrySetResult(json);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            foreach (var reply in _pending.Values)
            {
                reply.TrySetException(new InvalidOperationException("The DevTools connection closed."));
            }
        }
    }
}
