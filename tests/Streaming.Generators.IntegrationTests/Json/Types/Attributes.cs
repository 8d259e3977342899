using System.Text.Json.Serialization;

namespace Streaming.Generators.IntegrationTests.Json.Types;

/// <summary>[JsonPropertyName], [JsonIgnore] with every condition, [JsonPropertyOrder], [JsonInclude] and fields.</summary>
public sealed class Attributed
{
    // Public fields are not written unless [JsonInclude]d.
    public int NotWritten = 1;

    [JsonInclude]
    public string? IncludedField;

    [JsonInclude]
    private int _privateField;

    [JsonPropertyName("renamed <name> & \"quotes\"")]
    public string? Renamed { get; set; }

    [JsonPropertyName("ÜnÏcode")]
    public int Unicode { get; set; }

    [JsonIgnore]
    public string Secret { get; set; } = "secret";

    [JsonIgnore(Condition = JsonIgnoreCondition.Always)]
    public int AlwaysIgnored { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? NeverIgnored { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SkippedWhenNull { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? NullableSkippedWhenNull { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int SkippedWhenZero { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double SkippedWhenZeroDouble { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public decimal SkippedWhenZeroDecimal { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public DateTime SkippedWhenDefaultDate { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Point SkippedWhenDefaultStruct { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public List<int>? SkippedWhenNullList { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Guid? SkippedWhenNullGuid { get; set; }

    [JsonPropertyOrder(-5)]
    public int First { get; set; }

    [JsonPropertyOrder(10)]
    public int Last { get; set; }

    [JsonPropertyOrder(10)]
    public int AfterLast { get; set; }

    [JsonInclude]
    public int PrivateGetter { private get; set; }

    public int SetterOnlyIsNotWritten { set => _privateField = value; }

    [JsonInclude]
    internal string? InternalProperty { get; set; }

    [JsonInclude]
    private string? PrivateProperty { get; set; }

    public int ReadOnly => _privateField * 2;

    public required string Required { get; init; }

    public string InitOnly { get; init; } = "init";

    public static Attributed Create(Values v)
    {
        var zero = v.Chance(50);
        return new Attributed
        {
            IncludedField = v.NullableString(),
            _privateField = v.Int(-5, 5),
            Renamed = v.NullableString(),
            Unicode = v.Int(0, 100),
            NeverIgnored = v.NullableString(),
            SkippedWhenNull = v.NullableString(),
            NullableSkippedWhenNull = v.OrNullValue(() => v.Int(0, 3)),
            SkippedWhenZero = zero ? 0 : v.Int(-3, 3),
            SkippedWhenZeroDouble = zero ? (v.Bool() ? 0.0 : -0.0) : v.Double(),
            SkippedWhenZeroDecimal = zero ? (v.Bool() ? 0m : 0.000m) : v.Decimal(),
            SkippedWhenDefaultDate = zero ? default : v.DateTime(),
            SkippedWhenDefaultStruct = zero ? default : new Point(v.Int(-2, 2), v.Int(-2, 2)),
            SkippedWhenNullList = zero ? null : v.List(() => v.Int(0, 9)),
            SkippedWhenNullGuid = zero ? null : v.Guid(),
            First = v.Int(0, 9),
            Last = v.Int(0, 9),
            AfterLast = v.Int(0, 9),
            PrivateGetter = v.Int(0, 9),
            InternalProperty = v.NullableString(),
            PrivateProperty = v.NullableString(),
            Required = v.String(),
            InitOnly = v.String(),
        };
    }
}

/// <summary>A struct, compared field by field by the WhenWritingDefault rule.</summary>
public readonly record struct Point(int X, int Y);

/// <summary>A struct element type with a private [JsonInclude] field, read through an accessor on a struct.</summary>
public struct Measurement
{
    [JsonInclude]
    private double _raw;

    public Measurement(double raw, string unit)
    {
        _raw = raw;
        Unit = unit;
    }

    public string Unit { get; set; }

    public readonly double Scaled => _raw * 10;

    public static Measurement Create(Values v) => new(v.Double(), v.String());
}
