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

    /// <summary>
    /// The application stopped: an SSE stream ended cleanly at once, so that its client reconnects elsewhere; any
    /// other stream was cut (aborted) because the host's shutdown timeout ran out before it finished.
    /// </summary>
    ServerShutdown,

    /// <summary>
    /// The authentication ticket expired (<see cref="StreamingOptions.CloseOnAuthenticationExpiration"/>): an SSE
    /// stream ended cleanly, so that its client authenticates again; any other stream was aborted.
    /// </summary>
    AuthenticationExpired,
}

internal static class StreamOutcomeNames
{
    public static string TagValue(this StreamOutcome outcome) => outcome switch
    {
        StreamOutcome.Completed => "completed",
        StreamOutcome.ClientDisconnected => "client_disconnected",
        StreamOutcome.Failed => "failed",
        StreamOutcome.TimedOut => "timed_out",
        StreamOutcome.ServerShutdown => "server_shutdown",
        _ => "authentication_expired",
    };
}
