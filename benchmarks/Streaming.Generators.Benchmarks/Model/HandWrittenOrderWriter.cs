using System.Text.Json;

namespace Streaming.Generators.Benchmarks.Model;

/// <summary>
/// What a careful engineer writes by hand against <see cref="Utf8JsonWriter"/> for <see cref="Order"/>: names
/// encoded once, one call per member, the enum's names pre-encoded. It writes exactly what
/// <c>JsonSerializer.Serialize(order, JsonSerializerOptions.Web)</c> writes, so it is the practical limit for a
/// generated writer.
/// </summary>
public static class HandWrittenOrderWriter
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Reference = JsonEncodedText.Encode("reference");
    private static readonly JsonEncodedText Customer = JsonEncodedText.Encode("customer");
    private static readonly JsonEncodedText Note = JsonEncodedText.Encode("note");
    private static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");
    private static readonly JsonEncodedText Weight = JsonEncodedText.Encode("weight");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText PlacedAt = JsonEncodedText.Encode("placedAt");
    private static readonly JsonEncodedText ShippedAt = JsonEncodedText.Encode("shippedAt");
    private static readonly JsonEncodedText Gift = JsonEncodedText.Encode("gift");
    private static readonly JsonEncodedText ShipTo = JsonEncodedText.Encode("shipTo");
    private static readonly JsonEncodedText Lines = JsonEncodedText.Encode("lines");
    private static readonly JsonEncodedText Street = JsonEncodedText.Encode("street");
    private static readonly JsonEncodedText City = JsonEncodedText.Encode("city");
    private static readonly JsonEncodedText PostalCode = JsonEncodedText.Encode("postalCode");
    private static readonly JsonEncodedText Country = JsonEncodedText.Encode("country");
    private static readonly JsonEncodedText Sku = JsonEncodedText.Encode("sku");
    private static readonly JsonEncodedText Quantity = JsonEncodedText.Encode("quantity");
    private static readonly JsonEncodedText UnitPrice = JsonEncodedText.Encode("unitPrice");

    private static readonly JsonEncodedText[] StatusNames = Array.ConvertAll(Enum.GetNames<OrderStatus>(), name => JsonEncodedText.Encode(name));

    public static void Write(Utf8JsonWriter writer, Order order)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Id, order.Id);
        writer.WriteString(Reference, order.Reference);
        writer.WriteString(Customer, order.Customer);
        writer.WriteString(Note, order.Note);
        writer.WriteNumber(Total, order.Total);
        writer.WriteNumber(Weight, order.Weight);
        var status = (uint)order.Status;
        if (status < (uint)StatusNames.Length)
        {
            writer.WriteString(Status, StatusNames[status]);
        }
        else
        {
            writer.WriteNumber(Status, status);
        }

        writer.WriteString(PlacedAt, order.PlacedAt);
        if (order.ShippedAt is { } shippedAt)
        {
            writer.WriteString(ShippedAt, shippedAt);
        }
        else
        {
            writer.WriteNull(ShippedAt);
        }

        writer.WriteBoolean(Gift, order.Gift);

        var address = order.ShipTo;
        writer.WriteStartObject(ShipTo);
        writer.WriteString(Street, address.Street);
        writer.WriteString(City, address.City);
        writer.WriteString(PostalCode, address.PostalCode);
        writer.WriteString(Country, address.Country);
        writer.WriteEndObject();

        writer.WriteStartArray(Lines);
        foreach (var line in order.Lines)
        {
            writer.WriteStartObject();
            writer.WriteString(Sku, line.Sku);
            writer.WriteNumber(Quantity, line.Quantity);
            writer.WriteNumber(UnitPrice, line.UnitPrice);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
