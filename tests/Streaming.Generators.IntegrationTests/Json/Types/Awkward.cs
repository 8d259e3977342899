using System.Text.Json.Serialization;

namespace Streaming.Generators.IntegrationTests.Json.Types;

/// <summary>Member names that collide with what generated code calls its own locals, and C# keywords.</summary>
public sealed class Awkward
{
    public int? Value { get; set; }

    public string? Writer { get; set; }

    public List<List<int>?>? Item { get; set; }

    public Dictionary<string, Dictionary<string, int?>?>? Entry { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? @class { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int[]? @event { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Money Default { get; set; }

    public static Awkward Create(Values v) => new()
    {
        Value = v.OrNullValue(() => v.Int(0, 9)),
        Writer = v.NullableString(),
        Item = v.OrNull(() => v.List(() => v.OrNull(() => v.List(() => v.Int(0, 9))))),
        Entry = v.OrNull(() => v.Dictionary(() => v.OrNull(() => v.Dictionary(() => v.OrNullValue(() => v.Int(0, 9)))))),
        @class = v.NullableString(),
        @event = v.OrNull(() => v.List(() => v.Int(0, 9)).ToArray()),
        Default = v.Bool() ? default : new Money(v.Decimal(), v.String()),
    };
}
