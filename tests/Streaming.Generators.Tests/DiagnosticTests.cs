using Microsoft.CodeAnalysis;
using Streaming.Generators.Tests.Infrastructure;

namespace Streaming.Generators.Tests;

/// <summary>Methods the generator cannot serve get an error that names the member and the reason, and no code.</summary>
public sealed class DiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Streaming;

        public sealed record Row(int Id, string Name);

        """;

    [Fact]
    public void A_method_that_returns_a_list_is_STRM002()
    {
        var diagnostic = SingleError(Usings + """
            public static class Streams
            {
                [Stream(Format.NdJson, "/rows")]
                public static Task<List<Row>> Rows() => Task.FromResult(new List<Row>());
            }
            """);

        Assert.Equal("STRM002", diagnostic.Id);
        Assert.Contains("'Streams.Rows' returns 'System.Threading.Tasks.Task<System.Collections.Generic.List<Row>>'", diagnostic.GetMessage());
    }

    [Fact]
    public void A_member_the_writer_cannot_write_is_STRM003_naming_the_member()
    {
        var diagnostic = SingleError(Usings + """
            public sealed record Shape(int Id, IntPtr Handle);

            public static class Streams
            {
                [Stream(Format.NdJson, "/shapes")]
                public static IEnumerable<Shape> Shapes() => [];
            }
            """);

        Assert.Equal("STRM003", diagnostic.Id);
        Assert.Contains("'Shape.Handle'", diagnostic.GetMessage());
        Assert.Contains("[JsonIgnore]", diagnostic.GetMessage());
    }

    [Fact]
    public void A_route_parameter_without_a_method_parameter_is_STRM006()
    {
        var diagnostic = SingleError(Usings + """
            public static class Streams
            {
                [Stream(Format.NdJson, "/customers/{customerId:int}/rows")]
                public static IEnumerable<Row> Rows() => [];
            }
            """);

        Assert.Equal("STRM006", diagnostic.Id);
        Assert.Contains("'customerId' has no matching method parameter", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("/rows/{id", "is not closed")]
    [InlineData("/rows/id}", "has no matching '{'")]
    [InlineData("/rows/{}", "has no name")]
    [InlineData("/rows/{id}/{ID}", "appears more than once")]
    public void A_route_that_does_not_parse_is_STRM006(string route, string reason)
    {
        var diagnostic = SingleError(Usings + $$"""
            public static class Streams
            {
                [Stream(Format.NdJson, "{{route}}")]
                public static IEnumerable<Row> Rows(int id) => [];
            }
            """);

        Assert.Equal("STRM006", diagnostic.Id);
        Assert.Contains(reason, diagnostic.GetMessage());
    }

    [Fact]
    public void A_private_method_is_STRM007()
    {
        var diagnostic = SingleError(Usings + """
            public static class Streams
            {
                [Stream(Format.NdJson, "/rows")]
                private static IEnumerable<Row> Rows() => [];
            }
            """);

        Assert.Equal("STRM007", diagnostic.Id);
        Assert.Contains("private or protected", diagnostic.GetMessage());
    }

    [Fact]
    public void A_query_parameter_that_cannot_be_parsed_is_STRM007()
    {
        var diagnostic = SingleError(Usings + """
            public static class Streams
            {
                [Stream(Format.NdJson, "/rows")]
                public static IEnumerable<Row> Rows([Microsoft.AspNetCore.Mvc.FromQuery] Row filter) => [];
            }
            """);

        Assert.Equal("STRM007", diagnostic.Id);
        Assert.Contains("'filter' is bound from the query", diagnostic.GetMessage());
    }

    [Fact]
    public void Half_typed_code_produces_no_exception_and_no_generated_code()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static class Streams
            {
                [Stream(Format.NdJson, "/rows")]
                public static IAsyncEnumerable<Missing> Rows(
            """);

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id.StartsWith("STRM", StringComparison.Ordinal));
        Assert.Empty(run.Result.GeneratedTrees);
    }

    internal static Diagnostic SingleError(string source)
    {
        var run = GeneratorHarness.Run(source);
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(run.Result.GeneratedTrees);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.NotEqual(Location.None, diagnostic.Location);
        return diagnostic;
    }
}
