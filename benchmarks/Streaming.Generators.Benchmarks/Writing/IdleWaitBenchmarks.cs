using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;
using BenchmarkDotNet.Attributes;

namespace Streaming.Generators.Benchmarks.Writing;

/// <summary>
/// What a write loop keeps while its producer makes it wait, written two ways: as an <c>async</c> method (as
/// <c>StreamResponse</c>'s loop is) and as continuations written by hand in an object of the loop's own. Each
/// operation starts one loop on a producer that never answers, so what it allocates is what an idle stream keeps.
/// The benchmarks return the loop's task as an <see cref="object"/>: a <see cref="Task"/> would be awaited, forever.
/// </summary>
[MemoryDiagnoser]
public class IdleWaitBenchmarks
{
    [Benchmark(Baseline = true, Description = "async method")]
    public object AsyncMethod() => AsyncLoop(SilentProducer.Instance);

    [Benchmark(Description = "continuations by hand")]
    public object ByHand() => HandWrittenLoop.Start(SilentProducer.Instance);

    private static async Task AsyncLoop(SilentProducer producer)
    {
        while (await producer.MoveNextAsync())
        {
        }
    }

    /// <summary>
    /// The same loop without a compiler's state machine. It still needs the <see cref="Task"/> the server awaits,
    /// and a delegate to give the awaiter: only the runtime's own state-machine box can hand an
    /// <see cref="IValueTaskSource{TResult}"/> itself as the state of a shared callback.
    /// </summary>
    private sealed class HandWrittenLoop
    {
        private readonly SilentProducer _producer;
        private readonly Action _continue;
        private AsyncTaskMethodBuilder _completion = AsyncTaskMethodBuilder.Create();
        private ValueTaskAwaiter<bool> _next;

        private HandWrittenLoop(SilentProducer producer)
        {
            _producer = producer;
            _continue = Continue;
        }

        public static Task Start(SilentProducer producer)
        {
            var loop = new HandWrittenLoop(producer);
            var task = loop._completion.Task;
            loop.MoveNext();
            return task;
        }

        private void Continue()
        {
            if (!_next.GetResult())
            {
                _completion.SetResult();
                return;
            }

            MoveNext();
        }

        private void MoveNext()
        {
            while (true)
            {
                _next = _producer.MoveNextAsync().GetAwaiter();
                if (!_next.IsCompleted)
                {
                    _next.UnsafeOnCompleted(_continue);
                    return;
                }

                if (!_next.GetResult())
                {
                    _completion.SetResult();
                    return;
                }
            }
        }
    }

    /// <summary>A producer whose next item never comes: it takes every continuation and never calls it.</summary>
    private sealed class SilentProducer : IValueTaskSource<bool>
    {
        public static readonly SilentProducer Instance = new();

        public ValueTask<bool> MoveNextAsync() => new(this, 0);

        public bool GetResult(short token) => throw new InvalidOperationException("The producer never answers.");

        public ValueTaskSourceStatus GetStatus(short token) => ValueTaskSourceStatus.Pending;

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        {
        }
    }
}
