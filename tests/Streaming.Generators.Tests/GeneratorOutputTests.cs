using Streaming.Generators.Tests.Infrastructure;

namespace Streaming.Generators.Tests;

/// <summary>What the generator emits for representative code: reviewed snapshots, and code that compiles cleanly.</summary>
public sealed class GeneratorOutputTests
{
    [Fact]
    public void Json_writer_matches_the_approved_snapshot()
    {
        var run = GeneratorHarness.Run(Sources.Shop);

        Snapshot.Match(run.Source("Shop.OrderJsonWriter.g.cs"), "Order.JsonWriter");
    }

    [Fact]
    public void Endpoints_match_the_approved_snapshot()
    {
        var run = GeneratorHarness.Run(Sources.Shop);

        Snapshot.Match(run.Source("StreamEndpoints.g.cs"), "StreamEndpoints");
    }

    [Fact]
    public void Generated_code_compiles_without_warnings()
    {
        var run = GeneratorHarness.Run(Sources.Shop);

        Assert.Empty(run.Problems);
        Assert.Equal(2, run.Result.GeneratedTrees.Length);
    }

    [Fact]
    public void One_writer_serves_every_method_that_streams_the_type()
    {
        var run = GeneratorHarness.Run(Sources.Shop);

        Assert.Single(run.Result.GeneratedTrees, t => t.FilePath.EndsWith("OrderJsonWriter.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_stream_methods_nothing_is_generated()
    {
        var run = GeneratorHarness.Run("public static class Plain { public static int Answer() => 42; }");

        Assert.Empty(run.Result.GeneratedTrees);
        Assert.Empty(run.Problems);
    }
}
