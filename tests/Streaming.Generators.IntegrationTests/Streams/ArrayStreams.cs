using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests.Streams;

/// <summary>The producers of <see cref="TestStreams"/>, streamed as <c>Format.JsonArray</c>.</summary>
public static class ArrayStreams
{
    [Stream(Format.JsonArray, "/array/gated/{run}")]
    public static IAsyncEnumerable<Reading> Gated(string run, ProducerProbes probes, CancellationToken cancellationToken)
        => TestStreams.Gated(run, probes, cancellationToken);

    [Stream(Format.JsonArray, "/array/readings")]
    public static IAsyncEnumerable<Reading> Readings(int count, bool yieldEach = false) => TestStreams.Readings(count, yieldEach);

    [Stream(Format.JsonArray, "/array/readings/sync")]
    public static IEnumerable<Reading> ReadingsSync(int count) => TestStreams.ReadingsSync(count);

    [Stream(Format.JsonArray, "/array/failing")]
    public static IAsyncEnumerable<Reading> Failing(int after, bool wait = true) => TestStreams.Failing(after, wait);

    /// <summary>Scalar items: the array of strings the serializer writes for the same list.</summary>
    [Stream(Format.JsonArray, "/array/names")]
    public static IEnumerable<string?> Names() => ["plain", null, "<tag> & \"quote\"", "\u2028", "😀"];
}
