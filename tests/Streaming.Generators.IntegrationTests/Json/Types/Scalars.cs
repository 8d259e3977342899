namespace Streaming.Generators.IntegrationTests.Json.Types;

/// <summary>Every scalar type the serializer has a built-in converter for.</summary>
public sealed record Scalars
{
    public byte Byte { get; init; }
    public sbyte SByte { get; init; }
    public short Short { get; init; }
    public ushort UShort { get; init; }
    public int Int { get; init; }
    public uint UInt { get; init; }
    public long Long { get; init; }
    public ulong ULong { get; init; }
    public float Float { get; init; }
    public double Double { get; init; }
    public decimal Decimal { get; init; }
    public char Char { get; init; }
    public string Text { get; init; } = "";
    public bool Flag { get; init; }
    public DateTime DateTime { get; init; }
    public DateTimeOffset DateTimeOffset { get; init; }
    public DateOnly DateOnly { get; init; }
    public TimeOnly TimeOnly { get; init; }
    public TimeSpan TimeSpan { get; init; }
    public Guid Guid { get; init; }
    public Uri Uri { get; init; } = new("https://example.com");
    public byte[] Bytes { get; init; } = [];
    public Half Half { get; init; }
    public Int128 Int128 { get; init; }
    public UInt128 UInt128 { get; init; }
    public Version Version { get; init; } = new(1, 0);

    public static Scalars Create(Values v) => new()
    {
        Byte = (byte)v.Int(0, 256),
        SByte = (sbyte)v.Int(-128, 128),
        Short = (short)v.Int(short.MinValue, short.MaxValue + 1),
        UShort = (ushort)v.Int(0, ushort.MaxValue + 1),
        Int = (int)v.Long(),
        UInt = (uint)v.ULong(),
        Long = v.Long(),
        ULong = v.ULong(),
        Float = v.Float(),
        Double = v.Double(),
        Decimal = v.Decimal(),
        Char = v.Char(),
        Text = v.String(),
        Flag = v.Bool(),
        DateTime = v.DateTime(),
        DateTimeOffset = v.DateTimeOffset(),
        DateOnly = v.DateOnly(),
        TimeOnly = v.TimeOnly(),
        TimeSpan = v.TimeSpan(),
        Guid = v.Guid(),
        Uri = v.Uri(),
        Bytes = v.Bytes(v.Int(0, 40)),
        Half = v.Half(),
        Int128 = v.Int128(),
        UInt128 = v.UInt128(),
        Version = v.Version(),
    };
}

/// <summary>The same scalars, each nullable (reference types annotated), so null is written at every member.</summary>
public sealed class NullableScalars
{
    public byte? Byte { get; set; }
    public int? Int { get; set; }
    public ulong? ULong { get; set; }
    public double? Double { get; set; }
    public float? Float { get; set; }
    public decimal? Decimal { get; set; }
    public char? Char { get; set; }
    public string? Text { get; set; }
    public bool? Flag { get; set; }
    public DateTime? DateTime { get; set; }
    public DateTimeOffset? DateTimeOffset { get; set; }
    public DateOnly? DateOnly { get; set; }
    public TimeOnly? TimeOnly { get; set; }
    public TimeSpan? TimeSpan { get; set; }
    public Guid? Guid { get; set; }
    public Uri? Uri { get; set; }
    public byte[]? Bytes { get; set; }
    public Half? Half { get; set; }
    public Int128? Int128 { get; set; }
    public UInt128? UInt128 { get; set; }
    public Version? Version { get; set; }

    public static NullableScalars Create(Values v) => new()
    {
        Byte = v.OrNullValue(() => (byte)v.Int(0, 256)),
        Int = v.OrNullValue(() => (int)v.Long()),
        ULong = v.OrNullValue(v.ULong),
        Double = v.OrNullValue(v.Double),
        Float = v.OrNullValue(v.Float),
        Decimal = v.OrNullValue(v.Decimal),
        Char = v.OrNullValue(v.Char),
        Text = v.NullableString(),
        Flag = v.OrNullValue(v.Bool),
        DateTime = v.OrNullValue(v.DateTime),
        DateTimeOffset = v.OrNullValue(v.DateTimeOffset),
        DateOnly = v.OrNullValue(v.DateOnly),
        TimeOnly = v.OrNullValue(v.TimeOnly),
        TimeSpan = v.OrNullValue(v.TimeSpan),
        Guid = v.OrNullValue(v.Guid),
        Uri = v.OrNull(v.Uri),
        Bytes = v.OrNull(() => v.Bytes(v.Int(0, 10))),
        Half = v.OrNullValue(v.Half),
        Int128 = v.OrNullValue(v.Int128),
        UInt128 = v.OrNullValue(v.UInt128),
        Version = v.OrNull(v.Version),
    };
}

/// <summary>Floating-point values only: NaN and the infinities make the serializer throw, and so must the writer.</summary>
public sealed record Floats(double Double, float Float, double? Maybe, Half Half)
{
    public static Floats Create(Values v) => new(
        v.Chance(20) ? v.Pick(new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity }) : v.Double(),
        v.Chance(20) ? v.Pick(new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity }) : v.Float(),
        v.Chance(20) ? double.NaN : v.OrNullValue(v.Double),
        v.Chance(20) ? v.Pick(new[] { Half.NaN, Half.PositiveInfinity, Half.NegativeInfinity }) : v.Half());
}
