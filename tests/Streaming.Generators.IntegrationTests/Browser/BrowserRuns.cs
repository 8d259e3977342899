using System.Collections.Concurrent;

namespace Streaming.Generators.IntegrationTests.Browser;

/// <summary>What the server saw of one browser run: each connection's <c>Last-Event-ID</c>, and the page's report.</summary>
public sealed class BrowserRun
{
    private readonly ConcurrentQueue<int?> _connections = new();

    /// <summary>The <c>Last-Event-ID</c> of each connection in order (<see langword="null"/> when the browser sent none).</summary>
    public IReadOnlyList<int?> Connections => _connections.ToArray();

    /// <summary>The JSON the page posts once it has seen the last event.</summary>
    public TaskCompletionSource<string> Report { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Connected(int? lastEventId) => _connections.Enqueue(lastEventId);
}

/// <summary>The browser runs of the tests using one server, by run id.</summary>
public sealed class BrowserRuns
{
    private readonly ConcurrentDictionary<string, BrowserRun> _runs = new();

    public BrowserRun this[string run] => _runs.GetOrAdd(run, _ => new BrowserRun());
}
