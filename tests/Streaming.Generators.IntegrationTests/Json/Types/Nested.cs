namespace Streaming.Generators.IntegrationTests.Json.Types;

public sealed record Address(string Street, string? City, Point? Location)
{
    public static Address Create(Values v) => new(v.String(), v.NullableString(), v.OrNullValue(() => new Point(v.Int(-90, 90), v.Int(-180, 180))));
}

public sealed class Customer
{
    public string Name { get; set; } = "";

    public Address? Home { get; set; }

    public Address? Work { get; set; }

    public static Customer Create(Values v) => new() { Name = v.String(), Home = v.OrNull(() => Address.Create(v)), Work = v.OrNull(() => Address.Create(v)) };
}

public readonly record struct Money(decimal Amount, string Currency);

/// <summary>Objects within objects: classes, records, structs and nullable structs, null at every level.</summary>
public sealed record Invoice(
    int Number,
    Customer? Customer,
    Money Total,
    Money? Discount,
    List<Line>? Lines,
    Invoice.Note? Remark)
{
    public sealed record Note(string Text, DateTimeOffset At);

    public static Invoice Create(Values v) => new(
        v.Int(0, 100000),
        v.OrNull(() => Customer.Create(v)),
        new Money(v.Decimal(), v.String()),
        v.OrNullValue(() => new Money(v.Decimal(), "EUR")),
        v.OrNull(() => v.List(() => Line.Create(v))),
        v.OrNull(() => new Note(v.String(), v.DateTimeOffset())));
}

public sealed record Line(string Sku, int Quantity, Money Price)
{
    public static Line Create(Values v) => new(v.String(), v.Int(1, 10), new Money(v.Decimal(), "EUR"));
}

/// <summary>A generic record, written once per instantiation.</summary>
public sealed record Page<T>(int Number, List<T> Items, T? Featured)
    where T : class;
