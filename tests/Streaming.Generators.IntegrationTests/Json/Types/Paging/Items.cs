namespace Streaming.Generators.IntegrationTests.Json.Types.Catalog
{
    public sealed record Item(int Id, string Name, decimal Price)
    {
        public static Item Create(Values v) => new(v.Int(0, 1000), v.String(), v.Decimal());
    }
}

namespace Streaming.Generators.IntegrationTests.Json.Types.Admin
{
    public sealed record Item(Guid Key, bool Hidden, string? Note)
    {
        public static Item Create(Values v) => new(v.Guid(), v.Bool(), v.NullableString());
    }
}

namespace Streaming.Generators.IntegrationTests.Json.Types
{
    /// <summary>A paging wrapper, as APIs return pages of any item type.</summary>
    public sealed record Paged<T>(int Page, int PageSize, long Total, IReadOnlyList<T> Items, T? Highlight)
    {
        public static Paged<T> Create(Values v, Func<Values, T> item)
            => new(v.Int(0, 99), v.Int(1, 50), v.Long(), v.List(() => item(v)), v.Chance(30) ? default : item(v));
    }
}
