using Streaming.Generators.Tests.Infrastructure;

namespace Streaming.Generators.Tests;

/// <summary>What a <c>[Stream]</c> attribute says about flushing and the request becomes the endpoint's metadata.</summary>
public sealed class EndpointMetadataTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using Streaming;

        public sealed record Row(int Id);

        """;

    [Theory]
    [InlineData("", "new(global::Streaming.Format.NdJson);")]
    [InlineData(", FlushEveryItem = true", "new(global::Streaming.Format.NdJson) { FlushEveryItem = true };")]
    [InlineData(", FlushEveryItem = false", "new(global::Streaming.Format.NdJson) { FlushEveryItem = false };")]
    [InlineData(", FlushThresholdBytes = 512", "new(global::Streaming.Format.NdJson) { FlushThresholdBytes = 512 };")]
    [InlineData(", FlushThresholdBytes = 0", "new(global::Streaming.Format.NdJson);")]
    [InlineData(", FlushThresholdBytes = -3", "new(global::Streaming.Format.NdJson);")]
    [InlineData(", FlushThresholdBytes = 64, FlushEveryItem = true", "new(global::Streaming.Format.NdJson) { FlushEveryItem = true, FlushThresholdBytes = 64 };")]
    [InlineData(", SseEndOnShutdown = false", "new(global::Streaming.Format.NdJson) { SseEndOnShutdown = false };")]
    [InlineData(", CloseOnAuthenticationExpiration = true", "new(global::Streaming.Format.NdJson) { CloseOnAuthenticationExpiration = true };")]
    [InlineData(", CloseOnAuthenticationExpiration = false, FlushEveryItem = true", "new(global::Streaming.Format.NdJson) { FlushEveryItem = true, CloseOnAuthenticationExpiration = false };")]
    public void Only_the_settings_the_attribute_sets_override_the_application(string arguments, string expected)
    {
        var run = GeneratorHarness.Run(Usings + $$"""
            public static class Streams
            {
                [Stream(Format.NdJson, "/rows"{{arguments}})]
                public static IEnumerable<Row> Rows() => [];
            }
            """);

        Assert.Empty(run.Problems);
        Assert.Contains($"s_streamsRowsMetadata = {expected}", run.Source("StreamEndpoints.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Request_parameters_are_described_with_their_optionality_and_services_are_not()
    {
        var run = GeneratorHarness.Run(Usings + """
            public sealed class Archive { }

            public static class Streams
            {
                [Stream(Format.NdJson, "/rows/{id}")]
                public static IEnumerable<Row> Rows(int id, string? search, Archive archive, System.Threading.CancellationToken token, int page = 1) => [];
            }
            """);

        var source = run.Source("StreamEndpoints.g.cs");
        Assert.Empty(run.Problems);
        Assert.Contains("""requestParameters: [("id", false), ("search", true), ("page", true)]""", source, StringComparison.Ordinal);
        Assert.Contains("parameterTypes: [typeof(int), typeof(string), typeof(global::Archive), typeof(global::System.Threading.CancellationToken), typeof(int)]", source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_that_reads_nothing_from_the_request_declares_no_parameters()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static class Streams
            {
                [Stream(Format.NdJson, "/rows")]
                public static IEnumerable<Row> Rows(Microsoft.AspNetCore.Http.HttpContext context) => [];
            }
            """);

        Assert.Empty(run.Problems);
        Assert.Contains("requestParameters: []", run.Source("StreamEndpoints.g.cs"), StringComparison.Ordinal);
    }
}
