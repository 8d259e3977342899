using System.Net;
using System.Text;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests;

/// <summary><c>Format.Csv</c> over a real socket, read back with CsvHelper: exact fields, RFC 4180 quoting, options, incremental.</summary>
[Collection(ServerCollection.Name)]
public sealed class CsvStreamingTests(StreamingServer server)
{
    private const int Seed = 20261121;
    private const int Count = 600;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("/csv/shipments", true)]
    [InlineData("/csv/shipments/unguarded", false)]
    public async Task Every_record_parses_back_to_the_fields_of_its_source_object(string path, bool guard)
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"{path}?seed={Seed}&count={Count}");
        var (header, records) = CsvReading.Parse(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(CsvReading.ShipmentHeader, header);
        Assert.Equal(Count, records.Count);
        for (var i = 0; i < Count; i++)
        {
            var expected = CsvReading.Fields(Shipment.Create(Seed, i), guard);
            var actual = records[i];
            Assert.Equal(expected.Length, actual.Length);
            for (var column = 0; column < expected.Length; column++)
            {
                Assert.True(
                    expected[column] == actual[column],
                    $"Record {i}, column {CsvReading.ShipmentHeader[column]}: expected {Show(expected[column])}, got {Show(actual[column])}.");
            }
        }
    }

    [Fact]
    public async Task Uris_versions_and_bytes_are_the_text_System_Text_Json_writes_for_them()
    {
        using var client = server.CreateClient();

        var (header, records) = CsvReading.Parse(await client.GetByteArrayAsync("/csv/references?count=60"));

        Assert.Equal(["Id", "Address", "Version", "Hash", "Signature"], header);
        for (var i = 0; i < 60; i++)
        {
            var source = Reference.Create(i);
            Assert.Equal([i.ToString(System.Globalization.CultureInfo.InvariantCulture), JsonText(source.Address), JsonText(source.Version), JsonText(source.Hash), JsonText(source.Signature)], records[i]);
        }
    }

    /// <summary>What the serializer writes for <paramref name="value"/>, without JSON quotes or escapes; null is empty.</summary>
    private static string JsonText<T>(T value)
        => System.Text.Json.JsonSerializer.SerializeToElement(value, System.Text.Json.JsonSerializerOptions.Web) is { ValueKind: System.Text.Json.JsonValueKind.String } text
            ? text.GetString()!
            : value is null ? "" : throw new InvalidOperationException($"{value} is not written as a JSON string.");

    [Fact]
    public async Task The_guard_prefixes_only_text_that_a_spreadsheet_would_evaluate()
    {
        using var client = server.CreateClient();

        var (_, guarded) = CsvReading.Parse(await client.GetByteArrayAsync($"/csv/shipments?seed={Seed}&count={Count}"));
        var (_, unguarded) = CsvReading.Parse(await client.GetByteArrayAsync($"/csv/shipments/unguarded?seed={Seed}&count={Count}"));

        var prefixed = 0;
        foreach (var (guardedFields, rawFields) in guarded.Zip(unguarded))
        {
            foreach (var (safe, raw) in guardedFields.Zip(rawFields))
            {
                if (safe != raw)
                {
                    Assert.Equal("'" + raw, safe);
                    Assert.Contains(raw[0], "=+-@\t\r");
                    prefixed++;
                }
            }
        }

        // The random text starts with every dangerous character many times over.
        Assert.True(prefixed > 100, $"Only {prefixed} fields were prefixed.");
    }

    [Fact]
    public async Task Spreadsheet_settings_write_a_byte_order_mark_and_the_chosen_delimiter()
    {
        using var client = server.CreateClient();

        var body = await client.GetByteArrayAsync($"/csv/shipments/spreadsheet?seed={Seed}&count=50");

        Assert.Equal("\uFEFF"u8.ToArray(), body[..3]);
        Assert.StartsWith(string.Join(';', CsvReading.ShipmentHeader) + "\r\n", Encoding.UTF8.GetString(body.AsSpan(3)), StringComparison.Ordinal);
        var (header, records) = CsvReading.Parse(body[3..], separator: ';');
        Assert.Equal(CsvReading.ShipmentHeader, header);
        Assert.Equal(50, records.Count);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(CsvReading.Fields(Shipment.Create(Seed, i), guard: true), records[i]);
        }
    }

    [Fact]
    public async Task Known_records_are_exactly_RFC_4180()
    {
        using var client = server.CreateClient();

        var body = await client.GetStringAsync("/csv/parcels");

        Assert.Equal(
            "Id,Name,Weight,Carrier,Handling\r\n"
            + "1,plain,1.5,Post,None\r\n"
            + "2,\"comma, quote \"\" and\r\nbreak\",-0,,\"Fragile, Cold\"\r\n"
            + "3,'=1+2,NaN,7,Upright\r\n"
            + "4,,Infinity,Freight,8\r\n"
            + ",,,,\r\n"
            + "6,,1E-300,Courier,None\r\n",
            body);
    }

    [Fact]
    public async Task An_empty_stream_is_the_header_alone()
    {
        using var client = server.CreateClient();

        var body = await client.GetStringAsync($"/csv/shipments?seed={Seed}&count=0");

        Assert.Equal(string.Join(',', CsvReading.ShipmentHeader) + "\r\n", body);
    }

    [Fact]
    public async Task The_header_and_first_record_arrive_while_the_producer_waits_for_the_second()
    {
        var (run, probe) = server.Probes.Create();
        probe.Release(1);
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/csv/gated/{run}", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal("Id,Name,Weight,Carrier,Handling", await reader.ReadLineAsync().WaitAsync(Patience));
        Assert.Equal("0,parcel 0,0,Courier,Fragile", await reader.ReadLineAsync().WaitAsync(Patience));
        Assert.Equal(1, probe.Produced);
        Assert.False(probe.FinallyRan.Task.IsCompleted, "The producer finished before the test released a second item.");

        probe.Release(1);
        Assert.Equal("1,parcel 1,0.5,Courier,Fragile", await reader.ReadLineAsync().WaitAsync(Patience));
    }

    [Fact]
    public async Task A_failure_after_the_first_record_gives_a_truncated_response()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/csv/failing?after=2", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal("Id,Name,Weight,Carrier,Handling", await reader.ReadLineAsync());
        Assert.Equal("0,parcel 0,0,Courier,Fragile", await reader.ReadLineAsync());
        Assert.Equal("1,parcel 1,0.5,Courier,Fragile", await reader.ReadLineAsync());
        await Assert.ThrowsAnyAsync<IOException>(() => reader.ReadToEndAsync().WaitAsync(Patience));
    }

    private static string Show(string text)
        => text.Length > 80 ? $"\"{Escape(text[..80])}…\" ({text.Length} chars)" : $"\"{Escape(text)}\"";

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
