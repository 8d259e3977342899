using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Streaming.Generators.IntegrationTests.Json.Types;

/// <summary>
/// A telemetry-style "any value" (after OpenTelemetry's protocol): a finite tree of strings, numbers, arrays and
/// maps of any values, nested as deep as the data goes — past the serializer's depth limit now and then.
/// </summary>
public sealed class AnyValue
{
    public string? StringValue { get; set; }

    public long? IntValue { get; set; }

    public double? DoubleValue { get; set; }

    public ArrayValue? ArrayValue { get; set; }

    public Dictionary<string, AnyValue?>? KvlistValue { get; set; }

    /// <summary>A tree that is deep about one time in ten, so some items cross the depth limit and some stop just short.</summary>
    public static AnyValue Create(Values v) => Create(v, v.Chance(15) ? v.Int(20, 33) : v.Int(0, 4));

    /// <summary>A value <paramref name="levels"/> arrays or maps deep (each array three JSON levels, each map two).</summary>
    private static AnyValue Create(Values v, int levels) => levels == 0
        ? v.Int(0, 3) switch
        {
            0 => new AnyValue { StringValue = v.String() },
            1 => new AnyValue { IntValue = v.Long() },
            _ => new AnyValue { DoubleValue = v.Double() },
        }
        : v.Bool()
            ? new AnyValue { ArrayValue = new ArrayValue { Values = [.. Enumerable.Range(0, v.Int(1, 3)).Select(i => Create(v, i == 0 ? levels - 1 : 0))] } }
            : new AnyValue { KvlistValue = new() { [v.String()] = Create(v, levels - 1), ["leaf"] = v.OrNull(() => Create(v, 0)) } };
}

public sealed class ArrayValue
{
    public List<AnyValue> Values { get; set; } = [];
}

/// <summary>64-bit counters as strings, as telemetry and protocol models write them so JavaScript keeps every digit.</summary>
[JsonNumberHandling(JsonNumberHandling.WriteAsString)]
public sealed class Counters
{
    public long Sent { get; set; }

    public ulong? Dropped { get; set; }

    public int Small { get; set; }

    public byte Tiny { get; set; }

    public decimal Amount { get; set; }

    public float Ratio { get; set; }

    public Half Precision { get; set; }

    public Int128 Huge { get; set; }

    public List<long> Buckets { get; set; } = [];

    public Dictionary<string, ulong?> ByHost { get; set; } = [];

    [JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
    public double Mean { get; set; }

    [JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals | JsonNumberHandling.WriteAsString)]
    public double? Max { get; set; }

    [JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
    public float[] Samples { get; set; } = [];

    [JsonNumberHandling(JsonNumberHandling.Strict)]
    public long Plain { get; set; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int ReadOnly { get; set; }

    /// <summary>Enums are not numbers to the number handling.</summary>
    public Carrier Carrier { get; set; }

    public static Counters Create(Values v) => new()
    {
        Sent = v.Long(),
        Dropped = v.OrNullValue(v.ULong),
        Small = (int)v.Long(),
        Tiny = (byte)v.Int(0, 256),
        Amount = v.Decimal(),
        Ratio = v.Chance(10) ? float.NaN : v.Float(),
        Precision = v.Half(),
        Huge = v.Int128(),
        Buckets = v.List(v.Long),
        ByHost = v.Dictionary(() => v.OrNullValue(v.ULong)),
        Mean = v.Int(0, 8) switch { 0 => double.NaN, 1 => double.PositiveInfinity, 2 => double.NegativeInfinity, _ => v.Double() },
        Max = v.Int(0, 6) switch { 0 => null, 1 => double.NaN, 2 => double.NegativeInfinity, _ => v.Double() },
        Samples = [.. v.List(() => v.Chance(20) ? float.PositiveInfinity : v.Float())],
        Plain = v.Long(),
        ReadOnly = v.Int(-5, 5),
        Carrier = (Carrier)v.Int(0, 3),
    };
}

/// <summary>Dictionaries keyed by what the serializer writes as property names, and other shapes it writes natively.</summary>
public sealed class Keyed
{
    public Dictionary<int, string?> ByCode { get; set; } = [];

    public Dictionary<Guid, long>? ByTrace { get; set; }

    public IReadOnlyDictionary<long, Counters?>? ByShard { get; set; }

    public Dictionary<bool, int> ByFlag { get; set; } = [];

    public Dictionary<char, int> ByLetter { get; set; } = [];

    public SortedDictionary<ushort, string>? Sorted { get; set; }

    public ImmutableArray<int> Links { get; set; } = [];

    public ImmutableArray<string?>? MaybeLinks { get; set; }

    public ImmutableList<Guid>? Traces { get; set; }

    public ReadOnlyMemory<byte> TraceId { get; set; }

    public Memory<byte> SpanId { get; set; }

    public ReadOnlyMemory<byte>? ParentId { get; set; }

    public static Keyed Create(Values v) => new()
    {
        ByCode = v.List(() => (int)v.Long()).Distinct().ToDictionary(k => k, _ => v.NullableString()),
        ByTrace = v.OrNull(() => v.List(v.Guid).Distinct().ToDictionary(k => k, _ => v.Long())),
        ByShard = v.OrNull<IReadOnlyDictionary<long, Counters?>>(() => v.List(v.Long, 2).Distinct().ToDictionary(k => k, _ => v.OrNull(() => Counters.Create(v)))),
        ByFlag = v.List(v.Bool, 2).Distinct().ToDictionary(k => k, _ => v.Int(0, 9)),
        ByLetter = v.List(v.Char).Distinct().ToDictionary(k => k, _ => v.Int(0, 9)),
        Sorted = v.OrNull(() => new SortedDictionary<ushort, string>(v.List(() => (ushort)v.Int(0, 65536)).Distinct().ToDictionary(k => k, _ => v.String()))),
        Links = v.Chance(5) ? default : [.. v.List(() => v.Int(0, 99))],
        MaybeLinks = v.OrNullValue(() => ImmutableArray.CreateRange(v.List(v.NullableString))),
        Traces = v.OrNull(() => ImmutableList.CreateRange(v.List(v.Guid))),
        TraceId = v.Bytes(v.Int(0, 17)),
        SpanId = v.Bytes(8),
        ParentId = v.OrNullValue<ReadOnlyMemory<byte>>(() => v.Bytes(v.Int(0, 9))),
    };
}

/// <summary>Members and types the model marks obsolete: still written, and the generated code builds warning-free.</summary>
[Obsolete("Use Span instead.", DiagnosticId = "TEL0001")]
public sealed class LegacySpan
{
    public string Name { get; set; } = "";

    [Obsolete]
    public int Kind { get; set; }
}

public sealed class SpanRecord
{
    public string Name { get; set; } = "";

    [Obsolete("Use Kind.")]
    public int OldKind { get; set; }

    [Obsolete]
    public ObsoleteState State { get; set; }

#pragma warning disable TEL0001
    public LegacySpan? Legacy { get; set; }
#pragma warning restore TEL0001

    public AnyValue? Attribute { get; set; }

    public Counters? Counters { get; set; }

#pragma warning disable CS0612, CS0618, TEL0001
    public static SpanRecord Create(Values v) => new()
    {
        Name = v.String(),
        OldKind = v.Int(0, 9),
        State = (ObsoleteState)v.Int(0, 3),
        Legacy = v.OrNull(() => new LegacySpan { Name = v.String(), Kind = v.Int(0, 5) }),
        Attribute = v.OrNull(() => AnyValue.Create(v)),
        Counters = v.OrNull(() => Counters.Create(v)),
    };
#pragma warning restore CS0612, CS0618, TEL0001
}

[JsonConverter(typeof(JsonStringEnumConverter))]
public enum ObsoleteState
{
    Open,
    [Obsolete("Closed is final.")] Closed,
    Retired,
}
