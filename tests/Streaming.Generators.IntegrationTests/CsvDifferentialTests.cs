using System.Buffers;
using System.Globalization;
using System.Text;
using Streaming.Generated.Streaming.Generators.IntegrationTests.Streams;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests;

/// <summary>
/// The CSV writer against a reference written the plain way — each field's text as a string (System.Text.Json's
/// text for scalars), quoted by the RFC 4180 rule, joined, encoded — byte for byte, over random and hostile rows,
/// every kind of delimiter (those that can occur in numbers, dates and names too), and outputs that hand out
/// spans of every size.
/// </summary>
public sealed class CsvDifferentialTests
{
    private const int Seed = 20261129;
    private const int Count = 400;

    public static TheoryData<char, bool> Settings()
    {
        var data = new TheoryData<char, bool>();
        foreach (var delimiter in ",;\t| -.:+_aeT0")
        {
            data.Add(delimiter, true);
            data.Add(delimiter, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Generated_records_are_the_reference_bytes(char delimiter, bool guard)
    {
        var shipments = Enumerable.Range(0, Count).Select(i => Shipment.Create(Seed + delimiter, i)).ToList();
        var expected = new StringBuilder(Record(CsvReading.ShipmentHeader, delimiter));
        foreach (var shipment in shipments)
        {
            expected.Append(Record(CsvReading.Fields(shipment, guard), delimiter));
        }

        foreach (var output in Outputs())
        {
            var formatter = new CsvFormatter<Shipment, ShipmentCsvWriter>(delimiter, guard);
            formatter.WriteStart(output);
            foreach (var shipment in shipments)
            {
                formatter.WriteItem(output, shipment);
            }

            AssertSameBytes(Encoding.UTF8.GetBytes(expected.ToString()), Written(output), output.GetType().Name);
        }
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Every_field_method_writes_the_reference_bytes(char delimiter, bool guard)
    {
        var random = new Random(Seed + delimiter + (guard ? 1 : 0));
        foreach (var output in Outputs())
        {
            var expected = new StringBuilder();
            for (var record = 0; record < 2_000; record++)
            {
                // One to three fields: a lone empty field is a record of its own kind.
                var count = random.Next(1, 4);
                var fields = new List<string>();
                var writer = new CsvFieldWriter(output, delimiter, guard);
                for (var i = 0; i < count; i++)
                {
                    fields.AddRange(WriteRandomField(ref writer, random, guard));
                }

                writer.EndRecord();
                expected.Append(fields is [""] ? "\"\"\r\n" : Record(fields, delimiter));
            }

            AssertSameBytes(Encoding.UTF8.GetBytes(expected.ToString()), Written(output), output.GetType().Name);
        }
    }

    /// <summary>Writes one random field (or a run of empty ones) and returns the texts a reader must see.</summary>
    private static string[] WriteRandomField(ref CsvFieldWriter writer, Random random, bool guard)
    {
        switch (random.Next(16))
        {
            case 0:
                var text = random.Next(40) == 0 ? HostileText.Long(random) : HostileText.Next(random) + Surrogates[random.Next(Surrogates.Length)];
                writer.WriteString(text);
                return [CsvReading.Text(text, guard)];
            case 1:
                writer.WriteString(null);
                return [""];
            case 2:
                var mark = "a=,\"\r\n+é-@\t;:."[random.Next(14)];
                writer.WriteChar(mark);
                return [CsvReading.Text(mark.ToString(), guard)];
            case 3:
                var flag = random.Next(2) == 0;
                writer.WriteBoolean(flag);
                return [CsvReading.Json(flag)];
            case 4:
                var number = random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(64);
                writer.WriteValue(number);
                return [CsvReading.Json(number)];
            case 5:
                var real = random.Next(10) switch
                {
                    0 => double.NaN,
                    1 => double.NegativeInfinity,
                    2 => -0.0,
                    3 => BitConverter.Int64BitsToDouble(random.NextInt64()),

                    // Decimals of few digits (prices, weights) at every magnitude, around the bounds of plain notation too.
                    4 => Math.Round(random.NextDouble() * Math.Pow(10, random.Next(-6, 18)), random.Next(0, 16)),
                    5 => random.Next(-99_999, 99_999) * Math.Pow(10, random.Next(-9, 15)),
                    6 => (random.Next(2) == 0 ? 1 : -1) * Math.Pow(10, random.Next(-6, 17)),
                    _ => -Math.Round(random.NextDouble() * 10_000, random.Next(0, 6)),
                };
                writer.WriteValue(real);
                return [real.ToString("R", CultureInfo.InvariantCulture)];
            case 6 when random.Next(2) == 0:
                // Mostly digits that fit in 64 bits, every scale, both signs; sometimes more digits, sometimes zero.
                var amount = new decimal(random.Next(4) == 0 ? 0 : random.Next(), random.Next(3) == 0 ? 0 : random.Next(), random.Next(8) == 0 ? random.Next() : 0, random.Next(2) == 0, (byte)random.Next(29));
                writer.WriteValue(amount);
                return [CsvReading.Json(amount)];
            case 6:
                var money = new decimal(random.Next(), random.Next(), random.Next(), random.Next(2) == 0, (byte)random.Next(29));
                var format = new[] { "N2", "#,##0.00;(#,##0.00)", "\"q\"0", "F4", "E3" }[random.Next(5)];
                writer.WriteFormatted(money, format);
                return [money.ToString(format, CultureInfo.InvariantCulture)];
            case 7:
                var date = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), (DateTimeKind)random.Next(3));
                writer.WriteDateTime(date);
                return [CsvReading.Json(date)];
            case 8:
                var moment = new DateTimeOffset(random.NextInt64(new DateTime(1, 1, 2).Ticks, new DateTime(9999, 1, 1).Ticks), TimeSpan.FromMinutes(random.Next(-56, 56) * 15));
                writer.WriteDateTimeOffset(moment);
                return [CsvReading.Json(moment)];
            case 9:
                var day = DateOnly.FromDayNumber(random.Next(DateOnly.MaxValue.DayNumber));
                writer.WriteDate(day);
                return [CsvReading.Json(day)];
            case 10:
                var time = new TimeOnly(random.NextInt64(TimeOnly.MaxValue.Ticks));
                writer.WriteTime(time);
                return [CsvReading.Json(time)];
            case 11:
                var span = TimeSpan.FromTicks(random.NextInt64(long.MinValue, long.MaxValue));
                writer.WriteTimeSpan(span);
                return [CsvReading.Json(span)];
            case 12:
                var id = new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray());
                writer.WriteValue(id);
                return [CsvReading.Json(id)];
            case 13:
                // Members, combinations of flags and values with no name.
                var handling = (Handling)random.Next(-2, 20);
                writer.WriteEnum(handling);
                var carrier = (Carrier)random.Next(-1, 300);
                writer.WriteEnum(carrier);
                return [handling.ToString(), carrier.ToString()];
            case 14:
                var named = (Carrier)random.Next(3);
                var enumFormat = new[] { "G", "D", "X", "F" }[random.Next(4)];
                writer.WriteEnum(named, enumFormat);
                return [named.ToString(enumFormat)];
            default:
                var empties = random.Next(0, 4);
                writer.WriteEmpty(empties);
                return Enumerable.Repeat("", empties).ToArray();
        }
    }

    private static readonly string[] Surrogates = ["", "", "\uD83D", "\uDE00", "a\uD800b", "\uDFFF\uD800"];

    /// <summary>One record as the reference writes it: RFC 4180 quoting of each field, CRLF at the end.</summary>
    internal static string Record(IEnumerable<string> fields, char delimiter)
        => string.Join(delimiter, fields.Select(field => field.IndexOfAny([delimiter, '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field)) + "\r\n";

    internal static IEnumerable<IBufferWriter<byte>> Outputs() => [new ArrayBufferWriter<byte>(), new ExactSpanWriter()];

    internal static byte[] Written(IBufferWriter<byte> output)
        => output is ArrayBufferWriter<byte> array ? array.WrittenSpan.ToArray() : ((ExactSpanWriter)output).Written;

    internal static void AssertSameBytes(byte[] expected, byte[] actual, string output)
    {
        var at = expected.AsSpan().CommonPrefixLength(actual);
        if (at == expected.Length && at == actual.Length)
        {
            return;
        }

        var from = Math.Max(0, at - 60);
        Assert.Fail($"Through {output}, the bytes differ from the reference at {at} of {expected.Length} (written {actual.Length}):\n"
            + $"expected …{Encoding.UTF8.GetString(expected.AsSpan(from, Math.Min(120, expected.Length - from)))}\n"
            + $"actual   …{Encoding.UTF8.GetString(actual.AsSpan(from, Math.Min(120, actual.Length - from)))}");
    }

    /// <summary>Hands out spans of exactly the size asked for (at least one byte), in a new array each time.</summary>
    private sealed class ExactSpanWriter : IBufferWriter<byte>
    {
        private readonly List<byte> _written = [];
        private byte[] _current = [];

        public byte[] Written => [.. _written];

        public void Advance(int count)
        {
            Assert.InRange(count, 0, _current.Length);
            _written.AddRange(_current.AsSpan(0, count));
            _current = [];
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => _current = new byte[Math.Max(sizeHint, 1)];

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }
}
