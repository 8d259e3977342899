namespace Streaming;

/// <summary>How a stream ended: the <c>streaming.outcome</c> tag and the outcome of the end log line.</summary>
internal enum StreamOutcome
{
    /// <summary>The producer finished and the whole body was sent.</summary>
    Completed,

    /// <summary>The client went away first.</summary>
    ClientDisconnected,

    /// <summary>The producer or the formatter threw.</summary>
    Failed,

    /// <summary><see cref="StreamingOptions.MaxStreamDuration"/> passed.</summary>
    TimedOut,
}

internal static class StreamOutcomeNames
{
    public static string TagValue(this StreamOutcome outcome) => outcome switch
    {
        StreamOutcome.Completed => "completed",
        StreamOutcome.ClientDisconnected => "client_disconnected",
        StreamOutcome.Failed => "failed",
        _ => "timed_out",
    };
}
