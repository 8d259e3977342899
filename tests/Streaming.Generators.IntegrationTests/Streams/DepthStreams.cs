using Streaming.Generators.IntegrationTests.Json.Types;

namespace Streaming.Generators.IntegrationTests.Streams;

public static class DepthStreams
{
    /// <summary>Two shallow values, then one nested past the serializer's depth limit.</summary>
    [Stream(Format.NdJson, "/depth/too-deep", FlushEveryItem = true)]
    public static IEnumerable<AnyValue> TooDeep()
    {
        yield return new AnyValue { StringValue = "first" };
        yield return new AnyValue { IntValue = 2 };
        yield return Nested(40);
    }

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
