namespace Streaming.Generators.IntegrationTests.Json.Types;

// Entities as EF Core maps them, navigations both ways. Loaded with both ends, every item is an endless cycle:
// the serializer fails at its depth limit, and so do the writers (STRM009 warns of it; here it is suppressed, by
// .editorconfig for Buyer.Orders' cycle and by #pragma for ShippingLabel.Order's).
public sealed class Buyer
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public List<BuyerOrder> Orders { get; set; } = [];
}

public sealed class BuyerOrder
{
    public int Id { get; set; }

    public int BuyerId { get; set; }

    public Buyer? Buyer { get; set; }

    public ShippingLabel? Label { get; set; }

    /// <summary>Without the back-references most of the time; with both ends loaded, as a tracking query gives them, one time in five.</summary>
    public static BuyerOrder Create(Values v)
    {
        var order = new BuyerOrder { Id = v.Int(0, 99), BuyerId = 7 };
        if (v.Chance(20))
        {
            order.Buyer = new Buyer { Id = 7, Name = v.String(), Orders = [order] };
        }

        if (v.Bool())
        {
            order.Label = new ShippingLabel { Id = 1, OrderId = order.Id, Order = v.Chance(20) ? order : null };
        }

        return order;
    }
}

public sealed class ShippingLabel
{
    public int Id { get; set; }

    public int OrderId { get; set; }

#pragma warning disable STRM009 // Shown as a user would silence it in source.
    public BuyerOrder? Order { get; set; }
#pragma warning restore STRM009
}
