using System.Text.Json;

namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>What the wire must carry, computed with System.Text.Json.</summary>
public static class Oracle
{
    public static string NdJson<T>(IEnumerable<T> items)
        => string.Concat(items.Select(item => JsonSerializer.Serialize(item, JsonSerializerOptions.Web) + "\n"));

    public static string Json<T>(T item) => JsonSerializer.Serialize(item, JsonSerializerOptions.Web);
}
