using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Streaming;

/// <summary>
/// Runs the streams of synchronous producers off the shared thread pool. A synchronous producer blocks whatever
/// thread calls its <c>MoveNext</c>; on the pool, a few hundred of them take every thread and each other request
/// waits for the pool to grow. Here each such stream runs on a thread of its own, at most
/// <see cref="StreamingOptions.MaxBlockingProducerThreads"/> at once; a stream past the limit waits for a thread
/// without holding one.
/// </summary>
/// <remarks>
/// The whole write loop of the stream runs on its thread: the thread's synchronization context brings every
/// continuation (a flush the client was slow to take) back to it, so <c>MoveNext</c>, the formatter and the
/// enumerator's disposal keep running there, and a producer that is quick to produce costs no hand-off per item.
/// The producer's own code runs without that context (see <see cref="BlockingProducer{T}"/>), so a producer that
/// blocks on a task of its own cannot deadlock on it.
/// </remarks>
internal sealed class ProducerThreads(int maxThreads)
{
    private readonly SemaphoreSlim _threads = new(maxThreads, maxThreads);

    /// <summary>Runs <paramref name="stream"/> on a thread of its own, once one is free.</summary>
    public async Task RunAsync(Func<Task> stream)
    {
        await _threads.WaitAsync().ConfigureAwait(false);
        try
        {
            var thread = new ProducerThread(stream);
            thread.Start();
            await thread.Completion.ConfigureAwait(false);
        }
        finally
        {
            _threads.Release();
        }
    }

    /// <summary>Runs code that must not see the producer thread's context: the producer's own.</summary>
    public static TResult WithoutContext<TState, TResult>(TState state, Func<TState, TResult> producerCode)
    {
        var context = SynchronizationContext.Current;
        if (context is not ProducerThread)
        {
            return producerCode(state);
        }

        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return producerCode(state);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    /// <summary>One stream's thread, and the context that brings its continuations back to it.</summary>
    private sealed class ProducerThread(Func<Task> stream) : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> _posted = new();
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _finished;

        public Task Completion => _completion.Task;

        // Thread.Start flows the request's execution context (Activity, logging scopes, IHttpContextAccessor).
        public void Start() => new Thread(static state => ((ProducerThread)state!).Run()) { IsBackground = true, Name = "Streaming producer" }.Start(this);

        public override void Post(SendOrPostCallback d, object? state)
        {
            lock (_posted)
            {
                if (!_finished)
                {
                    _posted.Enqueue((d, state));
                    Monitor.Pulse(_posted);
                    return;
                }
            }

            // Something the stream started outlived it: the pool runs it.
            ThreadPool.QueueUserWorkItem(static s => s.d(s.state), (d, state), preferLocal: false);
        }

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("A producer thread runs only what is posted to it.");

        public override SynchronizationContext CreateCopy() => this;

        private void Run()
        {
            SetSynchronizationContext(this);
            Task written;
            try
            {
                written = stream();
            }
            catch (Exception exception)
            {
                written = Task.FromException(exception);
            }

            written.ContinueWith(static (_, state) => ((ProducerThread)state!).Finish(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (Next() is { } posted)
            {
                posted.Callback(posted.State);
            }

            SetSynchronizationContext(null);
            _completion.SetFromTask(written);
        }

        private (SendOrPostCallback Callback, object? State)? Next()
        {
            lock (_posted)
            {
                while (_posted.Count == 0 && !_finished)
                {
                    Monitor.Wait(_posted);
                }

                return _posted.Count > 0 ? _posted.Dequeue() : null;
            }
        }

        private void Finish()
        {
            lock (_posted)
            {
                _finished = true;
                Monitor.Pulse(_posted);
            }
        }
    }
}
