using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Streaming.Generators.SampleTests.Infrastructure;

/// <summary>One browser page over the DevTools protocol: navigate, evaluate script, wait for the DOM.</summary>
public sealed class DevToolsPage : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _receiving;
    private int _nextId;

    private DevToolsPage(ClientWebSocket socket)
    {
        _socket = socket;
        _receiving = Task.Run(ReceiveAsync);
    }

    public static async Task<DevToolsPage> ConnectAsync(Uri webSocketUrl)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(webSocketUrl, CancellationToken.None);
        return new DevToolsPage(socket);
    }

    public async Task NavigateAsync(Uri url)
    {
        await SendAsync("Page.enable");
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() });
        await WaitUntilAsync($"location.href === {JsonSerializer.Serialize(url.ToString())} && document.readyState === 'complete'",
            TimeSpan.FromSeconds(30), $"{url} to load");
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
