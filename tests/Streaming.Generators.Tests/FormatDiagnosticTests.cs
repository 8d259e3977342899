namespace Streaming.Generators.Tests;

/// <summary>Element types a format cannot write are STRM003 at build time, naming the member and saying what to do.</summary>
public sealed class FormatDiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Net.ServerSentEvents;
        using Streaming;

        """;

    [Theory]
    [InlineData("public List<string> Lines { get; init; } = new();", "'Order.Lines'", "is a collection", "[CsvIgnore]")]
    [InlineData("public int[] Quantities { get; init; } = [];", "'Order.Quantities'", "is a collection", "flat projection")]
    [InlineData("public Dictionary<string, int> Counts { get; init; } = new();", "'Order.Counts'", "is a collection", "[CsvIgnore]")]
    [InlineData("public System.Net.IPAddress? Address { get; init; }", "'Order.Address'", "'System.Net.IPAddress' is not a CSV value", "[CsvIgnore]")]
    [InlineData("public object? Extra { get; init; }", "'Order.Extra'", "is not a CSV value", "[CsvIgnore]")]
    [InlineData("public Order? Parent { get; init; }", "'Order.Parent'", "contains itself", "[CsvIgnore]")]
    [InlineData("public Empty Nothing { get; init; } = new();", "'Order.Nothing'", "no public properties", "[CsvIgnore]")]
    [InlineData("public Customer Buyer { get; init; } = new();", "'Customer.Tags'", "is a collection", "[CsvIgnore]")]
    [InlineData("[CsvColumn(Format = \"F2\")] public string Name { get; init; } = \"\";", "'Order.Name'", "not to 'string'", "remove Format")]
    [InlineData("[CsvColumn(Format = \"F2\")] public Customer Buyer { get; init; } = new();", "'Order.Buyer'", "flattened into several columns", "remove Format")]
    [InlineData("[CsvColumn(\"Id\")] public int Number { get; init; }", "'Order'", "two of its columns are named 'Id'", "[CsvColumn]")]
    public void A_member_that_cannot_be_a_column_is_STRM003_naming_it(string member, string name, string reason, string advice)
    {
        var diagnostic = DiagnosticTests.SingleError(Usings + $$"""
            public sealed class Empty
            {
            }

            public sealed class Customer
            {
                public string Name { get; init; } = "";

                public List<string> Tags { get; init; } = new();
            }

            public sealed class Order
            {
                public int Id { get; init; }

                {{member}}
            }

            public static class Streams
            {
                [Stream(Format.Csv, "/orders.csv")]
                public static IEnumerable<Order> Orders() => [];
            }
            """);

        Assert.Equal("STRM003", diagnostic.Id);
        var message = diagnostic.GetMessage();
        Assert.Contains(name, message);
        Assert.Contains("Format.Csv", message);
        Assert.Contains(reason, message);
        Assert.Contains(advice, message);
    }

    [Theory]
    [InlineData("Csv", "string", "Format.Csv writes one record per object")]
    [InlineData("Csv", "int", "Format.Csv writes one record per object")]
    [InlineData("Csv", "Guid", "Format.Csv writes one record per object")]
    [InlineData("Text", "Row", "Format.Text writes string or ReadOnlyMemory<char> items")]
    [InlineData("Text", "char[]", "Format.Text writes string or ReadOnlyMemory<char> items")]
    [InlineData("Sse", "IntPtr", "is not supported")]
    [InlineData("Sse", "SseItem<SseItem<Row>>", "cannot carry another SseItem")]
    [InlineData("JsonArray", "IntPtr", "is not supported")]
    public void An_element_type_the_format_cannot_write_is_STRM003(string format, string elementType, string reason)
    {
        var diagnostic = DiagnosticTests.SingleError(Usings + $$"""
            public sealed record Row(int Id, string Name);

            public static class Streams
            {
                [Stream(Format.{{format}}, "/rows")]
                public static IEnumerable<{{elementType}}> Rows() => [];
            }
            """);

        Assert.Equal("STRM003", diagnostic.Id);
        Assert.Contains($"Format.{format}", diagnostic.GetMessage());
        Assert.Contains(reason, diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("'\"'")]
    [InlineData("'\\n'")]
    [InlineData("'\\r'")]
    [InlineData("'é'")]
    public void A_delimiter_that_cannot_separate_fields_is_STRM003(string delimiter)
    {
        var diagnostic = DiagnosticTests.SingleError(Usings + $$"""
            public sealed record Row(int Id, string Name);

            public static class Streams
            {
                [Stream(Format.Csv, "/rows.csv", CsvDelimiter = {{delimiter}})]
                public static IEnumerable<Row> Rows() => [];
            }
            """);

        Assert.Equal("STRM003", diagnostic.Id);
        Assert.Contains("CsvDelimiter", diagnostic.GetMessage());
        Assert.Contains("a delimiter must be an ASCII character", diagnostic.GetMessage());
    }
}
