using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Streaming.Generators.IntegrationTests.Json.Types;

public interface IHasArea
{
    double Area { get; }
}

public sealed record Square(double Side) : IHasArea
{
    public double Area => Side * Side;
}

[JsonDerivedType(typeof(Cat), "cat")]
[JsonDerivedType(typeof(Cow), "cow")]
public class Pet
{
    public string Name { get; set; } = "";
}

public sealed class Cat : Pet
{
    public int Lives { get; set; } = 9;
}

public sealed class Cow : Pet
{
    public double Milk { get; set; }
}

/// <summary>Writes a temperature as <c>"21.5 °C"</c>.</summary>
public sealed class CelsiusConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToString("0.0", CultureInfo.InvariantCulture) + " °C");
}

/// <summary>Writes a tag as an upper-case string, and handles null itself.</summary>
public sealed class UpperConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
        => writer.WriteStringValue(value?.ToUpperInvariant() ?? "<none>");
}

/// <summary>Converts <c>int?</c> itself, null included.</summary>
public sealed class MaybeCountConverter : JsonConverter<int?>
{
    public override bool HandleNull => true;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
        => writer.WriteStringValue(value is { } count ? $"{count} items" : "no count");
}

/// <summary>A struct with its own converter on the type.</summary>
[JsonConverter(typeof(RgbConverter))]
public readonly record struct Rgb(byte R, byte G, byte B);

public sealed class RgbConverter : JsonConverter<Rgb>
{
    public override Rgb Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, Rgb value, JsonSerializerOptions options)
        => writer.WriteStringValue($"#{value.R:x2}{value.G:x2}{value.B:x2}");
}

/// <summary>Members the writer hands to JsonSerializer (STRM008): the text must still match exactly.</summary>
public sealed class Fallbacks
{
    public int Id { get; set; }

    public object? Anything { get; set; }

    public IHasArea? Shape { get; set; }

    public Pet? Pet { get; set; }

    [JsonConverter(typeof(CelsiusConverter))]
    public double Temperature { get; set; }

    [JsonConverter(typeof(CelsiusConverter))]
    public double? MaybeTemperature { get; set; }

    [JsonConverter(typeof(UpperConverter))]
    public string? Tag { get; set; }

    [JsonConverter(typeof(MaybeCountConverter))]
    public int? Count { get; set; }

    public Rgb Colour { get; set; }

    public Rgb? MaybeColour { get; set; }

    public Queue<int>? Queue { get; set; }

    public Dictionary<int, string>? ByNumber { get; set; }

    public List<object?>? Mixed { get; set; }

    public Dictionary<string, object?>? Bag { get; set; }

    [JsonExtensionData]
    public Dictionary<string, object>? Extra { get; set; }

    public string After { get; set; } = "after";

    public static Fallbacks Create(Values v) => new()
    {
        Id = v.Int(0, 1000),
        Anything = v.Int(0, 5) switch
        {
            0 => null,
            1 => v.String(),
            2 => v.Double(),
            3 => new Square(v.Double()),
            _ => v.List(() => v.Int(0, 9)),
        },
        Shape = v.OrNull<IHasArea>(() => new Square(v.Double())),
        Pet = v.Int(0, 4) switch
        {
            0 => null,
            1 => new Pet { Name = v.String() },
            2 => new Cat { Name = v.String(), Lives = v.Int(0, 9) },
            _ => new Cow { Name = v.String(), Milk = v.Double() },
        },
        Temperature = v.Double(),
        MaybeTemperature = v.OrNullValue(v.Double),
        Tag = v.NullableString(),
        Count = v.OrNullValue(() => v.Int(0, 99)),
        Colour = new Rgb((byte)v.Int(0, 256), (byte)v.Int(0, 256), (byte)v.Int(0, 256)),
        MaybeColour = v.OrNullValue(() => new Rgb(1, 2, 3)),
        Queue = v.OrNull(() => new Queue<int>(v.List(() => v.Int(0, 9)))),
        ByNumber = v.OrNull(() => v.List(() => v.Int(0, 99)).Distinct().ToDictionary(i => i, _ => v.String())),
        Mixed = v.OrNull(() => v.List<object?>(() => v.Bool() ? v.String() : v.OrNullValue(v.Double))),
        Bag = v.OrNull(() => v.Dictionary<object?>(() => v.Bool() ? v.Long() : v.NullableString())),
        Extra = v.OrNull(() => v.Dictionary<object>(() => v.Bool() ? v.Int(0, 9) : v.String())),
        After = v.String(),
    };
}
