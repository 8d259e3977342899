using System.Text.Json.Serialization;

namespace Streaming.Generators.IntegrationTests.Json.Types;

public abstract class Animal
{
    public string Name { get; set; } = "";

    public virtual int Legs { get; set; }

    public abstract string Sound { get; }

    public string Hidden { get; set; } = "base";

    public int Overridden { get; set; }

    public virtual string? Ignorable { get; set; }
}

public class Dog : Animal
{
    public bool GoodBoy { get; set; }

    public override int Legs { get; set; } = 4;

    public override string Sound => "woof";

    // Hides the base member: the serializer writes this one, at this type's position.
    public new int Hidden { get; set; }

    [JsonIgnore]
    public new int Overridden { get; set; }

    [JsonIgnore]
    public override string? Ignorable { get; set; }
}

/// <summary>Three levels: the most derived type's members come first, then each base's, as the serializer orders them.</summary>
public sealed class Puppy : Dog
{
    public int AgeInWeeks { get; set; }

    [JsonPropertyName("name_tag")]
    public string? Tag { get; set; }

    public static Puppy Create(Values v)
    {
        var puppy = new Puppy
        {
            Name = v.String(),
            Legs = v.Int(0, 5),
            GoodBoy = v.Bool(),
            Hidden = v.Int(0, 9),
            Overridden = v.Int(0, 9),
            Ignorable = v.NullableString(),
            AgeInWeeks = v.Int(0, 52),
            Tag = v.NullableString(),
        };
        ((Animal)puppy).Hidden = v.String();
        ((Animal)puppy).Overridden = v.Int(10, 20);
        return puppy;
    }
}

/// <summary>A record deriving from a record: positional members of both.</summary>
public record Shape(string Kind, double Area);

public sealed record Circle(double Radius) : Shape("circle", Math.PI * Radius * Radius)
{
    public static Circle Create(Values v) => new(v.Double()) { Kind = v.String() };
}
