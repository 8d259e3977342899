using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Streaming.Generators.Tests.Infrastructure;

namespace Streaming.Generators.Tests;

/// <summary>
/// Ordinary model shapes from real projects: generic types over same-named types, [Obsolete], number handling,
/// recursive trees, non-string dictionary keys, immutable arrays, bytes, and types named like the framework's.
/// </summary>
public sealed class ModelShapeTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using Streaming;

        """;

    [Fact]
    public void A_realistic_telemetry_model_generates_warning_free_code_with_nothing_left_to_the_serializer()
    {
        var run = GeneratorHarness.Run(ModelSources.Telemetry);

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(run.Problems);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id.StartsWith("STRM", StringComparison.Ordinal));
    }

    [Fact]
    public void Generic_types_over_two_same_named_types_get_one_writer_each_in_every_format()
    {
        var run = GeneratorHarness.Run(ModelSources.Telemetry);

        var files = run.Result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).ToList();
        Assert.Contains("Streaming.Generated.Shop.PageOfShop_Catalog_ItemJsonWriter.g.cs", files);
        Assert.Contains("Streaming.Generated.Shop.PageOfShop_Admin_ItemJsonWriter.g.cs", files);
        Assert.Contains("Streaming.Generated.Shop.Catalog.ItemCsvWriter.g.cs", files);
        Assert.Contains("Streaming.Generated.Shop.Admin.ItemCsvWriter.g.cs", files);
        Assert.Equal(files.Count, files.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Two_types_that_still_map_to_one_writer_name_are_one_STRM003_and_never_an_exception()
    {
        // 'Outer.Inner' and a type named 'Outer_Inner' read alike in an identifier.
        var run = GeneratorHarness.Run(Usings + """
            namespace Clash;

            public static class Outer
            {
                public sealed record Inner(int A);
            }

            public sealed record Outer_Inner(string B);

            public static class Streams
            {
                [Stream(Format.NdJson)]
                public static IEnumerable<Outer.Inner> First() => [];

                [Stream(Format.Csv)]
                public static IEnumerable<Outer.Inner> FirstCsv() => [];

                [Stream(Format.NdJson)]
                public static IEnumerable<Outer_Inner> Second() => [];

                [Stream(Format.Csv)]
                public static IEnumerable<Outer_Inner> SecondCsv() => [];
            }
            """);

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id == "CS8785");
        var clashes = run.GeneratorDiagnostics.Where(d => d.Id == "STRM003").ToList();
        Assert.Equal(2, clashes.Count);
        Assert.Contains(clashes, d => d.GetMessage().Contains("Outer_InnerJsonWriter", StringComparison.Ordinal));
        Assert.Contains(clashes, d => d.GetMessage().Contains("Outer_InnerCsvWriter", StringComparison.Ordinal));
    }

    [Fact]
    public void Obsolete_members_types_enum_values_and_methods_leave_the_generated_code_warning_free()
    {
        var run = GeneratorHarness.Run(Usings + """
            namespace Legacy;

            [JsonConverter(typeof(JsonStringEnumConverter))]
            public enum Kind { Current, [Obsolete("gone")] Old }

            [Obsolete("Use Row.", DiagnosticId = "LEG0001")]
            public sealed class OldRow
            {
                public int Id { get; set; }
                [Obsolete] public int Former { get; set; }
            }

            [Obsolete(DiagnosticId = "LEG0002")]
            public enum Level { Low, High }

            public sealed class Row
            {
                [Obsolete] public int Former { get; set; }
                [Obsolete("Use Kind.")] public string? Category { get; set; }
                public Kind Kind { get; set; }
            #pragma warning disable LEG0002
                public Level Level { get; set; }
                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public Level? MaybeLevel { get; set; }
            #pragma warning restore LEG0002
            }

            #pragma warning disable LEG0001
            public static class Streams
            {
                [Stream(Format.NdJson, "/rows")]
                public static IEnumerable<Row> Rows() => [];

                [Stream(Format.Csv, "/rows.csv")]
                public static IEnumerable<Row> RowsCsv() => [];

                [Stream(Format.JsonArray, "/old")]
                public static IEnumerable<OldRow> Old() => [];

                [Stream(Format.Csv, "/old.csv")]
                public static IEnumerable<OldRow> OldCsv() => [];

                [Obsolete("Use Rows.", DiagnosticId = "LEG0003")]
                [Stream(Format.NdJson, "/former")]
                public static IEnumerable<Row> Former() => [];
            }
            """);

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(run.Problems);
        Assert.Contains("#pragma warning disable LEG0001, LEG0003", run.Source("StreamEndpoints.g.cs"), StringComparison.Ordinal);
        Assert.Contains("#pragma warning disable CS0612, CS0618, LEG0001", run.Source("Legacy.OldRowJsonWriter.g.cs"), StringComparison.Ordinal);
        Assert.Contains("#pragma warning disable CS0612, CS0618 ", run.Source("Legacy.KindJsonNames.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Obsolete_code_is_suppressed_only_where_the_model_marks_it()
    {
        var run = GeneratorHarness.Run(Sources.Shop);

        Assert.All(run.Result.GeneratedTrees, tree => Assert.DoesNotContain("#pragma warning disable", tree.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_users_own_Guid_and_IAsyncEnumerable_are_not_taken_for_the_framework_types()
    {
        var run = GeneratorHarness.Run(Usings + """
            namespace MyApp
            {
                public readonly record struct Guid(int Value);

                public interface IAsyncEnumerable<T> : System.Collections.Generic.IEnumerable<T>
                {
                }

                public sealed record Row(Guid Key, string Name);

                public static class Streams
                {
                    [Stream(Format.NdJson, "/rows")]
                    public static System.Collections.Generic.IEnumerable<Row> Rows() => [];

                    [Stream(Format.Csv, "/rows.csv")]
                    public static System.Collections.Generic.IEnumerable<Row> RowsCsv() => [];

                    [Stream(Format.NdJson, "/mine")]
                    public static IAsyncEnumerable<Row> Mine() => null!;
                }
            }
            """);

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));

        // The user's IAsyncEnumerable<T> is not a stream; the framework's is.
        var notASequence = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "STRM002");
        Assert.Contains("'Streams.Mine'", notASequence.GetMessage(), StringComparison.Ordinal);

        // The user's Guid is an object of ours: a JSON object, and CSV columns of its own.
        Assert.Contains("global::Streaming.Generated.MyApp.GuidJsonWriter.Write(ref output, value.Key);", run.Source("MyApp.RowJsonWriter.g.cs"), StringComparison.Ordinal);
        Assert.Contains("fields.WriteName(\"Key.Value\"u8);", run.Source("MyApp.RowCsvWriter.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Recursive_types_are_written_and_check_the_depth_limit()
    {
        var run = GeneratorHarness.Run(Usings + """
            namespace Forum;

            public sealed class Comment
            {
                public string Text { get; set; } = "";
                public List<Comment> Replies { get; set; } = [];
                public Author? Author { get; set; }
            }

            public sealed record Author(string Name);

            public static class Streams
            {
                [Stream(Format.NdJson, "/comments")]
                public static IEnumerable<Comment> Comments() => [];

                [Stream(Format.NdJson, "/authors")]
                public static IEnumerable<Author> Authors() => [];
            }
            """);

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Problems);
        Snapshot.Match(run.Source("Forum.CommentJsonWriter.g.cs"), "Comment.JsonWriter");

        // Author is reached by a recursive type in one method and streamed alone in another: its one writer checks.
        Assert.Contains("global::Streaming.JsonDepth.Check(ref output);", run.Source("Forum.AuthorJsonWriter.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entity_navigation_cycle_is_one_STRM009_warning_however_many_methods_stream_it()
    {
        var run = GeneratorHarness.Run(Usings + """
            namespace Sales;

            public sealed class Customer
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
                public List<Order> Orders { get; set; } = [];
            }

            public sealed class Order
            {
                public int Id { get; set; }
                public int CustomerId { get; set; }
                public Customer? Customer { get; set; }
                public List<Line> Lines { get; set; } = [];
            }

            public sealed class Line
            {
                public int Id { get; set; }
                public int OrderId { get; set; }
                public Order? Order { get; set; }
            }

            public static class Streams
            {
                [Stream(Format.NdJson, "/orders")]
                public static IEnumerable<Order> Orders() => [];

                [Stream(Format.JsonArray, "/orders.json")]
                public static IEnumerable<Order> OrdersJson() => [];

                [Stream(Format.Sse, "/orders/live")]
                public static IEnumerable<Order> OrdersLive() => [];

                [Stream(Format.NdJson, "/customers")]
                public static IEnumerable<Customer> Customers() => [];
            }
            """);

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var warnings = run.GeneratorDiagnostics.Where(d => d.Id == "STRM009").ToList();
        Assert.Equal(2, warnings.Count);
        var order = Assert.Single(warnings, d => d.GetMessage().StartsWith("'Order.Customer'", StringComparison.Ordinal));
        Assert.Contains("[JsonIgnore]", order.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("Order.Customer → Customer.Orders → Order", order.GetMessage(), StringComparison.Ordinal);

        // Reported at the reference itself, where [JsonIgnore] goes.
        Assert.Equal("Customer", order.Location.SourceTree!.GetText().ToString(order.Location.SourceSpan));
        Assert.Single(warnings, d => d.GetMessage().StartsWith("'Line.Order'", StringComparison.Ordinal));
    }

    [Fact]
    public void One_bad_member_is_one_STRM003_however_many_methods_and_paths_reach_it()
    {
        var run = GeneratorHarness.Run(Usings + """
            namespace Bad;

            public sealed class Part
            {
                public IntPtr Handle { get; set; }
            }

            public sealed class Order
            {
                public Part? Main { get; set; }
                public List<Part> Others { get; set; } = [];
                public Dictionary<string, Part> ByName { get; set; } = [];
            }

            public static class Streams
            {
                [Stream(Format.NdJson)] public static IEnumerable<Order> A() => [];
                [Stream(Format.NdJson)] public static IEnumerable<Order> B() => [];
                [Stream(Format.JsonArray)] public static IEnumerable<Order> C() => [];
                [Stream(Format.NdJson)] public static IEnumerable<Part> D() => [];
            }
            """);

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        // Four methods in two JSON formats, three paths to the member: one error, at the member.
        var error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("STRM003", error.Id);
        Assert.StartsWith("'Part.Handle' cannot be written as JSON:", error.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("Handle", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
    }

    [Fact]
    public void Number_handling_is_written_natively()
    {
        var run = GeneratorHarness.Run(ModelSources.Telemetry);

        Snapshot.Match(run.Source("Telemetry.CountersJsonWriter.g.cs"), "Counters.JsonWriter");
    }

    [Fact]
    public void Immutable_arrays_number_and_guid_keys_and_bytes_are_written_natively()
    {
        var run = GeneratorHarness.Run(ModelSources.Telemetry);

        var source = run.Source("Telemetry.SpanJsonWriter.g.cs");
        Assert.DoesNotContain("JsonFallback", source, StringComparison.Ordinal);
        Assert.Contains("global::Streaming.JsonSequence.Of(value.Links)", source, StringComparison.Ordinal);
        Assert.Contains("global::Streaming.JsonKeys.WritePropertyName(ref output, ", source, StringComparison.Ordinal);
        Assert.Contains("output.WriteBase64(value.TraceId.Span);", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_writes_uris_versions_and_bytes()
    {
        var run = GeneratorHarness.Run(ModelSources.Telemetry);

        Snapshot.Match(run.Source("Shop.RowCsvWriter.g.cs"), "Row.CsvWriter");
    }

    [Fact]
    public void The_new_shapes_cut_off_anywhere_never_throw_nor_fail_internally()
    {
        // Half-typed code is the normal state of an IDE: cut the model anywhere before its [Stream] methods.
        var source = ModelSources.Telemetry;
        var streamsStart = source.LastIndexOf("namespace Telemetry", StringComparison.Ordinal);
        var head = source[..source.IndexOf("namespace Telemetry", StringComparison.Ordinal)];
        var model = source[head.Length..streamsStart];
        var streams = source[streamsStart..];
        for (var length = 0; length <= model.Length; length += 17)
        {
            var run = GeneratorHarness.Run(head + model[..length] + "\n}\n" + streams);

            Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "STRM000");
            Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id is "CS8785" or "AD0001");
        }
    }
}
