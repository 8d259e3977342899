using System.Collections.Concurrent;

namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>
/// Lets a test drive a producer on the server: it yields one item per permit the test releases, and reports
/// how many it produced, whether its token was cancelled, and when its <c>finally</c> ran.
/// </summary>
public sealed class ProducerProbe
{
    private readonly SemaphoreSlim _permits = new(0);
    private int _produced;

    public int Produced => Volatile.Read(ref _produced);

    public bool WasCancelled { get; private set; }

    public TaskCompletionSource FinallyRan { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(int count = 1) => _permits.Release(count);

    /// <summary>Called by the producer before each item: waits for the test's permit.</summary>
    public async Task NextAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _permits.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            WasCancelled = true;
            throw;
        }

        Interlocked.Increment(ref _produced);
    }

    public void Finished() => FinallyRan.TrySetResult();
}

/// <summary>The probes of the tests running against one server, by run id.</summary>
public sealed class ProducerProbes
{
    private readonly ConcurrentDictionary<string, ProducerProbe> _probes = new();

    public ProducerProbe this[string run] => _probes.GetOrAdd(run, _ => new ProducerProbe());

    public (string Run, ProducerProbe Probe) Create()
    {
        var run = Guid.NewGuid().ToString("N");
        return (run, this[run]);
    }
}
