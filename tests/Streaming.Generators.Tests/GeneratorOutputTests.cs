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
    public void Rich_json_writer_matches_the_approved_snapshot()
    {
        var run = GeneratorHarness.Run(RichSources.Catalog);

        Snapshot.Match(run.Source("Catalog.ProductJsonWriter.g.cs"), "Product.JsonWriter");
    }

    [Fact]
    public void Enum_names_writer_matches_the_approved_snapshot()
    {
        var run = GeneratorHarness.Run(RichSources.Catalog);

        Snapshot.Match(run.Source("Catalog.TagsJsonNames.g.cs"), "Tags.JsonNames");
    }

    [Fact]
    public void Rich_element_type_generates_a_writer_per_type_that_compiles_without_warnings()
    {
        var run = GeneratorHarness.Run(RichSources.Catalog);

        Assert.Empty(run.Problems);
        var files = run.Result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [
                "StreamEndpoints.g.cs",
                "Streaming.Generated.Catalog.AvailabilityJsonNames.g.cs",
                "Streaming.Generated.Catalog.PriceJsonWriter.g.cs",
                "Streaming.Generated.Catalog.ProductJsonWriter.g.cs",
                "Streaming.Generated.Catalog.SupplierJsonWriter.g.cs",
                "Streaming.Generated.Catalog.TagsJsonNames.g.cs",
                "Streaming.Generated.StringJsonWriter.g.cs",
            ],
            files);
    }

    [Fact]
    public void A_JsonArray_method_streams_through_the_JsonArray_formatter()
    {
        var run = GeneratorHarness.Run(RichSources.Catalog);

        var endpoints = run.Source("StreamEndpoints.g.cs");
        Assert.Contains("new global::Streaming.JsonArrayFormatter<global::Catalog.Product, global::Streaming.Generated.Catalog.ProductJsonWriter>()", endpoints, StringComparison.Ordinal);
        Assert.Contains("new global::Streaming.NdJsonFormatter<string, global::Streaming.Generated.StringJsonWriter>()", endpoints, StringComparison.Ordinal);
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
