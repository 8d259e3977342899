using Streaming.Generators.IntegrationTests.Json.Types;

namespace Streaming.Generators.IntegrationTests.Streams;

public static class DepthStreams
{
    /// <summary>
    /// Two shallow values, then one nested past the serializer's depth limit; waits before each, as
    /// <see cref="Producers.FailingAfter"/> does, so the items sent reach the client before the abort does.
    /// </summary>
    [Stream(Format.NdJson, "/depth/too-deep", FlushEveryItem = true)]
    public static async IAsyncEnumerable<AnyValue> TooDeep()
    {
        await Task.Delay(10);
        yield return new AnyValue { StringValue = "first" };
        await Task.Delay(10);
        yield return new AnyValue { IntValue = 2 };
        await Task.Delay(10);
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
