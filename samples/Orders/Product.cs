namespace Orders;

/// <summary>A product of the catalogue.</summary>
public sealed record Product(int Id, string Name, decimal Price);
