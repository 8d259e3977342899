using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Streaming.Generators.IntegrationTests.Json;

/// <summary>
/// <see cref="JsonOutput"/>, the UTF-8 writer generated code writes through, against <see cref="Utf8JsonWriter"/>
/// and <see cref="JsonSerializer"/> with <see cref="JsonSerializerOptions.Web"/>: every UTF-16 unit in every
/// escaping position, surrogates whole and lone, every number type at its edges and at random, every date kind
/// and offset with every length of fraction. Each value is also written into an output that hands out small spans,
/// so every write that has to ask for more room is covered.
/// </summary>
public sealed class JsonOutputTests
{
    private const int Cases = 20_000;

    [Fact]
    public void Every_utf16_unit_is_escaped_as_the_serializer_escapes_it_in_every_position()
    {
        // Alone, after printable ASCII, after an escaped ASCII character, after a non-ASCII character (once the
        // encoder has taken over), before one, and twice in a row.
        for (var unit = 0; unit <= char.MaxValue; unit++)
        {
            var c = (char)unit;
            foreach (var text in new[] { $"{c}", $"ab{c}", $"<{c}>", $"é{c}\"", $"{c}é", $"{c}{c}" })
            {
                AssertString(text);
            }
        }
    }

    [Fact]
    public void Surrogates_are_written_as_pairs_and_lone_ones_as_the_replacement_character()
    {
        string[] cases =
        [
            "😀", "a😀b", "😀😀", "\ud83d", "\ude00", "\ude00\ud83d", "\ud83d\ud83d\ude00", "\ud83d\ude00\ude00", "x\ud83d",
            "\udbff\udfff", "\ud800\udc00", "é\ud83d", "\"\ud83d\"", "\ud83dé", "👩‍👩‍👧‍👦", "\u2028\u2029", "\ufffd\ufeff",
        ];

        foreach (var text in cases)
        {
            AssertString(text);
        }
    }

    [Fact]
    public void Random_and_hostile_strings_match()
    {
        var values = new Values(Differential.Seed);
        for (var i = 0; i < Cases; i++)
        {
            AssertString(values.Chance(5) ? values.RandomString(values.Int(100, 3000)) : values.String());
        }

        AssertString(null);
        AssertString(new string('é', 20_000));
        AssertString(new string('a', 20_000) + "\n");
    }

    [Fact]
    public void Property_names_known_at_run_time_are_escaped_and_followed_by_a_colon()
    {
        var values = new Values(Differential.Seed);
        for (var i = 0; i < 2_000; i++)
        {
            var name = values.String();
            var expected = Expected(writer =>
            {
                writer.WriteStartObject();
                writer.WritePropertyName(name);
                writer.WriteNumberValue(1);
                writer.WriteEndObject();
            });

            AssertWrites(expected, (ref output) =>
            {
                output.WriteRaw((byte)'{');
                output.WritePropertyName(name);
                output.WriteNumber(1);
                output.WriteRaw((byte)'}');
            });
        }
    }

    [Fact]
    public void Integers_match_at_their_edges_and_at_random()
    {
        var values = new Values(Differential.Seed);
        long[] edges = [0, -1, 1, int.MaxValue, int.MinValue, uint.MaxValue, long.MaxValue, long.MinValue, 10, 99, 100, -100];
        foreach (var edge in edges)
        {
            AssertNumber(edge);
        }

        for (var i = 0; i < Cases; i++)
        {
            AssertNumber(values.Long());
            AssertNumber(values.ULong());
            var small = (int)values.Long();
            AssertWrites(Expected(w => w.WriteNumberValue(small)), (ref output) => output.WriteNumber(small));
            var unsigned = (uint)values.ULong();
            AssertWrites(Expected(w => w.WriteNumberValue(unsigned)), (ref output) => output.WriteNumber(unsigned));
        }

        AssertWrites(Expected(w => w.WriteNumberValue(ulong.MaxValue)), (ref output) => output.WriteNumber(ulong.MaxValue));
    }

    [Fact]
    public void Doubles_and_floats_are_the_shortest_round_trip_and_not_finite_ones_are_refused()
    {
        var values = new Values(Differential.Seed);
        for (var i = 0; i < Cases; i++)
        {
            var d = values.Double();
            AssertWrites(Expected(w => w.WriteNumberValue(d)), (ref output) => output.WriteNumber(d));
            Assert.Equal(Serialized(d), Written((ref output) => output.WriteNumber(d)));
            var f = values.Float();
            AssertWrites(Expected(w => w.WriteNumberValue(f)), (ref output) => output.WriteNumber(f));
            Assert.Equal(Serialized(f), Written((ref output) => output.WriteNumber(f)));
        }

        Assert.Equal("-0", Written((ref output) => output.WriteNumber(-0.0)));
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            Assert.Throws<ArgumentException>(() => JsonSerializer.Serialize(bad, JsonSerializerOptions.Web));
            Assert.Throws<ArgumentException>(() => Written((ref output) => output.WriteNumber(bad)));
            Assert.Throws<ArgumentException>(() => Written((ref output) => output.WriteNumber((float)bad)));
        }
    }

    [Fact]
    public void Decimals_keep_their_scale_and_sign()
    {
        var values = new Values(Differential.Seed);
        decimal[] edges = [0m, 0.000m, -0m, new decimal(0, 0, 0, true, 3), 1.50m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, -1e-28m];
        foreach (var edge in edges)
        {
            AssertWrites(Expected(w => w.WriteNumberValue(edge)), (ref output) => output.WriteNumber(edge));
            Assert.Equal(Serialized(edge), Written((ref output) => output.WriteNumber(edge)));
        }

        for (var i = 0; i < Cases; i++)
        {
            // Any decimal, and the usual kind whose digits fit in 64 bits (fewer digits than the scale included).
            var any = values.Decimal();
            var usual = new decimal(values.Int(0, int.MaxValue), values.Chance(50) ? 0 : values.Int(0, int.MaxValue), 0, values.Bool(), (byte)values.Int(0, 29));
            foreach (var m in new[] { any, usual })
            {
                AssertWrites(Expected(w => w.WriteNumberValue(m)), (ref output) => output.WriteNumber(m));
            }
        }
    }

    [Fact]
    public void Half_and_128_bit_integers_match_the_serializer()
    {
        var values = new Values(Differential.Seed);
        for (var i = 0; i < Cases; i++)
        {
            var half = values.Half();
            if (Half.IsFinite(half))
            {
                Assert.Equal(Serialized(half), Written((ref output) => output.WriteFormattedNumber(half)));
            }

            var signed = values.Int128();
            Assert.Equal(Serialized(signed), Written((ref output) => output.WriteFormattedNumber(signed)));
            var unsigned = values.UInt128();
            Assert.Equal(Serialized(unsigned), Written((ref output) => output.WriteFormattedNumber(unsigned)));
        }
    }

    [Fact]
    public void Dates_of_every_kind_offset_and_fraction_match()
    {
        var values = new Values(Differential.Seed);
        var start = new DateTime(2026, 11, 21, 8, 30, 15);
        for (var digits = 0; digits <= 7; digits++)
        {
            // A fraction with exactly this many significant digits, and one with a zero in the middle.
            var ticks = digits == 0 ? 0 : (long)Math.Pow(10, 7 - digits);
            foreach (var kind in new[] { DateTimeKind.Unspecified, DateTimeKind.Utc, DateTimeKind.Local })
            {
                AssertDate(new DateTime(start.Ticks + ticks, kind));
                AssertDate(new DateTime(start.Ticks + (ticks * 3) + 1, kind));
            }

            foreach (var offset in new[] { TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(-14), TimeSpan.FromMinutes(345), TimeSpan.FromHours(14) })
            {
                AssertDate(new DateTimeOffset(start.Ticks + ticks, offset));
            }
        }

        AssertDate(DateTime.MinValue);
        AssertDate(DateTime.MaxValue);
        AssertDate(DateTimeOffset.MinValue);
        AssertDate(DateTimeOffset.MaxValue);
        for (var i = 0; i < Cases; i++)
        {
            AssertDate(values.DateTime());
            AssertDate(values.DateTimeOffset());
        }
    }

    [Fact]
    public void Guids_booleans_and_null_match()
    {
        var values = new Values(Differential.Seed);
        for (var i = 0; i < 1_000; i++)
        {
            var guid = values.Guid();
            AssertWrites(Expected(w => w.WriteStringValue(guid)), (ref output) => output.WriteString(guid));
        }

        AssertWrites("true", (ref output) => output.WriteBoolean(true));
        AssertWrites("false", (ref output) => output.WriteBoolean(false));
        AssertWrites("null", (ref output) => output.WriteNull());
    }

    [Fact]
    public void A_lent_Utf8JsonWriter_continues_where_the_output_stopped()
    {
        using var document = JsonDocument.Parse("""{"a":[1,"x<"]}""");
        AssertWrites("""{"before":1,"value":{"a":[1,"x\u003C"]},"after":[{"a":[1,"x\u003C"]}]}""", (ref output) =>
        {
            output.WriteRaw("""{"before":1,"value":"""u8);
            var writer = output.StartUtf8JsonWriter();
            document.RootElement.WriteTo(writer);
            output.EndUtf8JsonWriter(writer);
            output.WriteRaw(""","after":["""u8);
            writer = output.StartUtf8JsonWriter();
            document.RootElement.WriteTo(writer);
            output.EndUtf8JsonWriter(writer);
            output.WriteRaw("]}"u8);
        });
    }

    private delegate void Write(ref JsonOutput output);

    private static void AssertString(string? text)
    {
        var expected = Expected(writer => writer.WriteStringValue(text));
        if (text is not null)
        {
            Assert.Equal(Serialized(text), expected);
        }

        AssertWrites(expected, (ref output) => output.WriteString(text), text);
    }

    private static void AssertNumber(long value)
        => AssertWrites(Expected(w => w.WriteNumberValue(value)), (ref output) => output.WriteNumber(value));

    private static void AssertNumber(ulong value)
        => AssertWrites(Expected(w => w.WriteNumberValue(value)), (ref output) => output.WriteNumber(value));

    private static void AssertDate(DateTime value)
    {
        Assert.Equal(Serialized(value), Written((ref output) => output.WriteString(value)));
        AssertWrites(Expected(w => w.WriteStringValue(value)), (ref output) => output.WriteString(value));
    }

    private static void AssertDate(DateTimeOffset value)
    {
        Assert.Equal(Serialized(value), Written((ref output) => output.WriteString(value)));
        AssertWrites(Expected(w => w.WriteStringValue(value)), (ref output) => output.WriteString(value));
    }

    /// <summary>Checks what <paramref name="write"/> writes into a roomy output and into one that hands out small spans.</summary>
    private static void AssertWrites(string expected, Write write, string? described = null)
    {
        var roomy = Written(write, new ArrayBufferWriter<byte>());
        var cramped = Written(write, new SmallSpans());
        if (expected != roomy || expected != cramped)
        {
            Assert.Fail($"value: {Describe(described)}\nexpected: {expected}\nroomy:    {roomy}\ncramped:  {cramped}");
        }
    }

    private static string Written(Write write) => Written(write, new ArrayBufferWriter<byte>());

    private static string Written(Write write, IBufferWriter<byte> buffer)
    {
        var output = new JsonOutput(buffer);
        write(ref output);
        output.Commit();
        return Encoding.UTF8.GetString(buffer is ArrayBufferWriter<byte> array ? array.WrittenSpan : ((SmallSpans)buffer).Written);
    }

    private static string Expected(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Serialized<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    private static string Describe(string? text)
        => text is null ? "null" : string.Concat(text.Take(200).Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));

    /// <summary>An output that gives no more room than asked for (at least 8 bytes), in a new array each time.</summary>
    private sealed class SmallSpans : IBufferWriter<byte>
    {
        private readonly List<byte> _written = [];
        private byte[] _current = [];

        public byte[] Written => [.. _written];

        public void Advance(int count) => _written.AddRange(_current.AsSpan(0, count).ToArray());

        public Memory<byte> GetMemory(int sizeHint = 0) => _current = new byte[Math.Max(sizeHint, 8)];

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }
}
