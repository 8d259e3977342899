namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>Tests in this collection share one Kestrel server; each drives its own producer through a probe.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<StreamingServer>
{
    public const string Name = "Kestrel";
}

/// <summary>
/// Tests that measure the whole process (its managed heap) run in this collection, alone, after the others:
/// a test running beside them would add its own allocations to what they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasurementCollection
{
    public const string Name = "Measurements";
}
