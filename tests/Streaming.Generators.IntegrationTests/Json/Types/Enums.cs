using System.Text.Json.Serialization;

namespace Streaming.Generators.IntegrationTests.Json.Types;

public enum Plain { Zero, One, Two, Ten = 10 }

[Flags]
public enum Access { None = 0, Read = 1, Write = 2, ReadWrite = 3, Execute = 4, All = 7 }

[JsonConverter(typeof(JsonStringEnumConverter))]
public enum Colour { Red, Green, Blue, Crimson = Red }

[JsonConverter(typeof(JsonStringEnumConverter<Shade>))]
public enum Shade
{
    Light,
    [JsonStringEnumMemberName("very <dark> & \"deep\"")] Dark,
    [JsonStringEnumMemberName("médium")] Medium,
}

[Flags, JsonConverter(typeof(JsonStringEnumConverter))]
public enum Permissions : byte { Read = 1, Write = 2, Admin = 0x80, Owner = Read | Write | Admin, [JsonStringEnumMemberName("dé-lete")] Delete = 4 }

[Flags, JsonConverter(typeof(JsonStringEnumConverter))]
public enum Signed : int { Low = 1, High = int.MinValue, Mid = 0x100, Bits = 6 }

[JsonConverter(typeof(JsonStringEnumConverter))]
public enum Wide : ulong { Small = 1, Huge = ulong.MaxValue, Half = 1UL << 63 }

[JsonConverter(typeof(JsonStringEnumConverter))]
public enum Negative : sbyte { Minus = -1, Plus = 1, @class = 2 }

[Flags]
public enum NoZero { A = 1, B = 2 }

/// <summary>Enums as numbers, by name on the type, by name on the member only, nullable, in collections.</summary>
public sealed record Enums
{
    public Plain Plain { get; init; }
    public Access Access { get; init; }
    public Colour Colour { get; init; }
    public Shade Shade { get; init; }
    public Permissions Permissions { get; init; }
    public Signed Signed { get; init; }
    public Wide Wide { get; init; }
    public Negative Negative { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter))]
    public Plain PlainByName { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<Access>))]
    public Access AccessByName { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter))]
    public NoZero NoZeroByName { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter))]
    public Access? MaybeAccess { get; init; }

    public Colour? MaybeColour { get; init; }
    public List<Colour> Colours { get; init; } = [];
    public Dictionary<string, Access> AccessByKey { get; init; } = [];

    public static Enums Create(Values v) => new()
    {
        Plain = v.Enum<Plain>(),
        Access = v.Enum<Access>(),
        Colour = v.Enum<Colour>(),
        Shade = v.Enum<Shade>(),
        Permissions = v.Enum<Permissions>(),
        Signed = (Signed)(v.Chance(50) ? (int)v.Long() : v.Int(-8, 0x200)),
        Wide = (Wide)(v.Chance(50) ? v.ULong() : (ulong)v.Int(0, 5)),
        Negative = (Negative)v.Int(-4, 4),
        PlainByName = v.Enum<Plain>(),
        AccessByName = (Access)v.Int(0, 12),
        NoZeroByName = (NoZero)v.Int(0, 5),
        MaybeAccess = v.OrNullValue(() => (Access)v.Int(0, 9)),
        MaybeColour = v.OrNullValue(v.Enum<Colour>),
        Colours = v.List(v.Enum<Colour>),
        AccessByKey = v.Dictionary(() => (Access)v.Int(0, 9)),
    };
}
