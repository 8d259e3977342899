using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>An <see cref="ILoggerProvider"/> that keeps every entry, with its structured values, for assertions.</summary>
public sealed class InMemoryLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    /// <summary>The last entry that matches, once there is one (a stream's end line follows its client's view of the end closely, not at once).</summary>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Entries.LastOrDefault(match) is { } entry)
            {
                return entry;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No log entry matched.");
            }

            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception, values.ToDictionary(v => v.Key, v => v.Value)));
        }
    }
}

public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Values)
{
    public object? this[string key] => Values.TryGetValue(key, out var value) ? value : null;
}
