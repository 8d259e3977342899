using System.Collections.Concurrent;

namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>
/// Lets a test drive and watch a producer on the server: it can yield one item per permit the test releases,
/// and it reports how many items it produced, whether its token was cancelled, and when its <c>finally</c> ran.
/// </summary>
public sealed class ProducerProbe
{
    private readonly SemaphoreSlim _permits = new(0);
    private int _produced;
    private volatile bool _cancelled;

    public int Produced => Volatile.Read(ref _produced);

    public bool WasCancelled => _cancelled;

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource FinallyRan { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when a per-request instance the stream was created on has been disposed.</summary>
    public TaskCompletionSource InstanceDisposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(int count = 1) => _permits.Release(count);

    /// <summary>Called by the producer before each gated item: waits for the test's permit.</summary>
    public async Task NextAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _permits.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _cancelled = true;
            throw;
        }

        Interlocked.Increment(ref _produced);
    }

    /// <summary>Waits between items, noting a cancellation.</summary>
    public async Task DelayAsync(int milliseconds, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(milliseconds, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _cancelled = true;
            throw;
        }
    }

    /// <summary>Blocks the producer's thread, without awaiting, until the test releases a permit.</summary>
    public void WaitBlocking() => _permits.Wait(TimeSpan.FromSeconds(30));

    /// <summary>Called by a producer that is not gated, once per item.</summary>
    public void Counted() => Interlocked.Increment(ref _produced);

    public void NoteCancelled() => _cancelled = true;

    public void Finished() => FinallyRan.TrySetResult();
}

/// <summary>The probes of the tests running against one server, by run id, and how many producers are alive.</summary>
public sealed class ProducerProbes
{
    private readonly ConcurrentDictionary<string, ProducerProbe> _probes = new();
    private int _live;

    public ProducerProbe this[string run] => _probes.GetOrAdd(run, _ => new ProducerProbe());

    /// <summary>Producers that have started and not yet run their <c>finally</c>.</summary>
    public int LiveProducers => Volatile.Read(ref _live);

    public (string Run, ProducerProbe Probe) Create()
    {
        var run = Guid.NewGuid().ToString("N");
        return (run, this[run]);
    }

    /// <summary>Called when a producer starts; dispose the result in its <c>finally</c>.</summary>
    public Lifetime Enter(string run)
    {
        Interlocked.Increment(ref _live);
        var probe = this[run];
        probe.Started.TrySetResult();
        return new Lifetime(this, probe);
    }

    public readonly struct Lifetime(ProducerProbes probes, ProducerProbe probe) : IDisposable
    {
        public ProducerProbe Probe => probe;

        public void Dispose()
        {
            Interlocked.Decrement(ref probes._live);
            probe.Finished();
        }
    }
}
