using Streaming.Generators.Tests.Infrastructure;

namespace Streaming.Generators.Tests;

/// <summary>What the generator emits for CSV, SSE and Text streams: reviewed snapshots and code that compiles cleanly.</summary>
public sealed class FormatOutputTests
{
    [Fact]
    public void Csv_writer_matches_the_approved_snapshot()
    {
        var run = GeneratorHarness.Run(FormatSources.Shop);

        Snapshot.Match(run.Source("Shop.OrderCsvWriter.g.cs"), "Order.CsvWriter");
    }

    [Fact]
    public void Endpoints_of_every_format_match_the_approved_snapshot()
    {
        var run = GeneratorHarness.Run(FormatSources.Shop);

        Snapshot.Match(run.Source("StreamEndpoints.g.cs"), "FormatEndpoints");
    }

    [Fact]
    public void Generated_code_compiles_without_warnings()
    {
        var run = GeneratorHarness.Run(FormatSources.Shop);

        Assert.Empty(run.Problems);
    }

    [Fact]
    public void Each_element_type_gets_the_writers_its_formats_need_once()
    {
        var run = GeneratorHarness.Run(FormatSources.Shop);

        var files = run.Result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            ["StreamEndpoints.g.cs", "Streaming.Generated.Shop.OrderCsvWriter.g.cs", "Streaming.Generated.Shop.OrderEventJsonWriter.g.cs"],
            files);
    }
}
