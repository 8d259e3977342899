namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>Tests in this collection share one Kestrel server; each drives its own producer through a probe.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<StreamingServer>
{
    public const string Name = "Kestrel";
}
