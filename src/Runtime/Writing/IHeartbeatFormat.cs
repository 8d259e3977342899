using System.Buffers;

namespace Streaming;

/// <summary>
/// A format's heartbeat, without its element type: what the body writer of any stream calls when the stream has
/// been idle long enough. <see cref="StreamFormatter{T}"/> implements it with its own method.
/// </summary>
internal interface IHeartbeatFormat
{
    /// <inheritdoc cref="StreamFormatter{T}.TryWriteHeartbeat"/>
    bool TryWriteHeartbeat(IBufferWriter<byte> output);
}
