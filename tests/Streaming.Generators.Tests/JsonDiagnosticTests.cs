using Microsoft.CodeAnalysis;
using Streaming.Generators.Tests.Infrastructure;

namespace Streaming.Generators.Tests;

/// <summary>
/// What the JSON writers refuse at build time (STRM003: where System.Text.Json would throw, or the writer cannot
/// follow) and what they hand to JsonSerializer (STRM008, information): each names the member and the reason.
/// </summary>
public sealed class JsonDiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using Streaming;

        """;

    [Fact]
    public void Two_members_with_one_json_name_is_STRM003()
    {
        var diagnostic = SingleError("""
            public sealed class Row
            {
                public int Id { get; set; }
                [JsonPropertyName("id")] public string Other { get; set; } = "";
            }
            """, "Row");

        Assert.Equal("STRM003", diagnostic.Id);
        Assert.Contains("\"id\"", diagnostic.GetMessage());
    }

    [Fact]
    public void WhenWritingNull_on_a_value_type_is_STRM003_as_the_serializer_throws()
    {
        var diagnostic = SingleError("""
            public sealed class Row
            {
                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int Count { get; set; }
            }
            """, "Row");

        Assert.Contains("'Count' has [JsonIgnore(Condition = WhenWritingNull)]", diagnostic.GetMessage());
    }

    [Fact]
    public void A_string_enum_converter_on_a_member_that_is_not_an_enum_is_STRM003()
    {
        var diagnostic = SingleError("""
            public sealed class Row
            {
                [JsonConverter(typeof(JsonStringEnumConverter))] public List<DayOfWeek> Days { get; set; } = [];
            }
            """, "Row");

        Assert.Contains("'Row.Days'", diagnostic.GetMessage());
        Assert.Contains("applies to enums", diagnostic.GetMessage());
    }

    [Fact]
    public void A_nested_element_type_gets_a_writer_named_after_its_outer_type()
    {
        var run = GeneratorHarness.Run(Usings + """
            public static class Streams
            {
                public sealed record Row(int Id);

                [Stream(Format.NdJson)]
                public static IEnumerable<Row> Rows() => [];
            }
            """);

        Assert.Empty(run.Problems);
        Assert.Contains(run.Result.GeneratedTrees, t => t.FilePath.EndsWith("Streaming.Generated.Streams_RowJsonWriter.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_member_of_a_private_type_is_STRM003_naming_the_member()
    {
        var diagnostic = SingleError("""
            public sealed class Row
            {
                private sealed class Secret { public int X { get; set; } }
                [JsonInclude] private Secret? Hidden { get; set; }
            }
            """, "Row");

        Assert.Contains("'Row.Hidden'", diagnostic.GetMessage());
        Assert.Contains("not accessible to generated code", diagnostic.GetMessage());
    }

    [Fact]
    public void Extension_data_of_another_value_type_is_STRM003_as_the_serializer_throws()
    {
        var diagnostic = SingleError("""
            public sealed class Row
            {
                [JsonExtensionData] public Dictionary<string, int>? Extra { get; set; }
            }
            """, "Row");

        Assert.Contains("'Row.Extra'", diagnostic.GetMessage());
        Assert.Contains("[JsonExtensionData]", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("public object? Anything { get; set; }", "'Row.Anything'", "'object'")]
    [InlineData("public IComparable? Key { get; set; }", "'Row.Key'", "is an interface")]
    [InlineData("[JsonConverter(typeof(Upper))] public string Name { get; set; } = \"\";", "'Row.Name'", "[JsonConverter(typeof(Upper))]")]
    [InlineData("public Queue<int> Waiting { get; set; } = new();", "'Row.Waiting'", "collection type")]
    [InlineData("public Dictionary<DateTime, string> ByDay { get; set; } = new();", "'Row.ByDay'", "collection type")]
    public void A_member_written_by_JsonSerializer_is_STRM008_information(string member, string name, string reason)
    {
        var run = GeneratorHarness.Run(Usings + $$"""
            public sealed class Upper : JsonConverter<string>
            {
                public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => "";
                public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToUpperInvariant());
            }

            public sealed class Row
            {
                public int Id { get; set; }
                {{member}}
            }

            public static class Streams
            {
                [Stream(Format.NdJson)]
                public static IEnumerable<Row> Rows() => [];
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("STRM008", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Contains(name, diagnostic.GetMessage());
        Assert.Contains(reason, diagnostic.GetMessage());
        Assert.Contains("allocates", diagnostic.GetMessage());
        // The writer is still generated, and it compiles cleanly.
        Assert.Empty(run.Problems);
        Assert.Contains(run.Result.GeneratedTrees, t => t.FilePath.EndsWith("RowJsonWriter.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_half_typed_member_reports_nothing_of_ours_and_generates_nothing()
    {
        var run = GeneratorHarness.Run(Usings + """
            public sealed class Row
            {
                public Missing Value { get; set; }
            }

            public static class Streams
            {
                [Stream(Format.NdJson)]
                public static IEnumerable<Row> Rows() => [];
            }
            """);

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id.StartsWith("STRM", StringComparison.Ordinal));
        Assert.Empty(run.Result.GeneratedTrees);
    }

    [Fact]
    public void Element_types_cut_off_anywhere_are_read_without_an_exception()
    {
        // Half-typed code is the normal state of an IDE: with the [Stream] methods first, cut the element types
        // anywhere; the generator must neither throw nor fail internally.
        var source = RichSources.Catalog;
        var typesStart = source.IndexOf("namespace Catalog;", StringComparison.Ordinal) + "namespace Catalog;".Length;
        var streamsStart = source.IndexOf("public static class CatalogStreams", StringComparison.Ordinal);
        var head = source[..typesStart] + "\n" + source[streamsStart..] + "\n";
        var types = source[typesStart..streamsStart];
        for (var length = 0; length <= types.Length; length += 13)
        {
            var run = GeneratorHarness.Run(head + types[..length]);

            Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "STRM000");
        }
    }

    private static Diagnostic SingleError(string types, string elementType)
    {
        var run = GeneratorHarness.Run(Usings + types + $$"""

            public static class Streams
            {
                [Stream(Format.NdJson)]
                public static IEnumerable<{{elementType}}> Items() => [];
            }
            """);

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(run.Result.GeneratedTrees);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.NotEqual(Location.None, diagnostic.Location);
        return diagnostic;
    }
}
