using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Json.Types;

namespace Streaming.Generators.IntegrationTests.Streams;

public static class DepthStreams
{
    /// <summary>Two shallow values, then one nested past the serializer's depth limit, each when the test releases it.</summary>
    [Stream(Format.NdJson, "/depth/too-deep/{run}")]
    public static IAsyncEnumerable<AnyValue> TooDeep(string run, ProducerProbes probes, CancellationToken cancellationToken)
        => Producers.Gated(
            probes[run],
            i => i switch
            {
                0 => new AnyValue { StringValue = "first" },
                1 => new AnyValue { IntValue = 2 },
                _ => Nested(40),
            },
            cancellationToken);

    public static AnyValue Nested(int levels)
    {
        var value = new AnyValue { StringValue = "leaf" };
        for (var i = 0; i < levels; i++)
        {
            value = new AnyValue { KvlistValue = new() { ["k"] = value } };
        }

        return value;
    }
}
