namespace Streaming.Generators.Model;

/// <summary>The wire format, mirroring <c>Streaming.Format</c> (the generator cannot reference the runtime).</summary>
internal enum StreamFormat
{
    NdJson = 0,
    JsonArray = 1,
    Csv = 2,
    Sse = 3,
    Text = 4,
}

/// <summary>One <c>[Stream]</c> method, as the endpoint emitter needs it.</summary>
/// <param name="ContainingType">The declaring type, <c>global::</c>-qualified.</param>
/// <param name="ContainingTypeName">The declaring type's simple name, for generated member names.</param>
/// <param name="MethodName">The method's name.</param>
/// <param name="IsStatic">Whether the method is static; otherwise the endpoint creates its type per request.</param>
/// <param name="TargetDisposal">For an instance method, how its per-request instance is disposed.</param>
/// <param name="IsAsync">Whether it returns <c>IAsyncEnumerable&lt;T&gt;</c> (otherwise <c>IEnumerable&lt;T&gt;</c>).</param>
/// <param name="Format">The wire format.</param>
/// <param name="Route">The route template, or <see langword="null"/> when mapped by hand.</param>
/// <param name="HttpMethod">The HTTP method, upper case.</param>
/// <param name="ElementType">The element type, <c>global::</c>-qualified.</param>
/// <param name="ItemWriter">The generated writer of the payload, <c>global::</c>-qualified, or <see langword="null"/> for text.</param>
/// <param name="Parameters">The method's parameters, in order.</param>
/// <param name="Flush">The flush settings of the attribute.</param>
internal sealed record StreamMethodSpec(
    string ContainingType,
    string ContainingTypeName,
    string MethodName,
    bool IsStatic,
    Disposal TargetDisposal,
    bool IsAsync,
    StreamFormat Format,
    string? Route,
    string HttpMethod,
    string ElementType,
    string? ItemWriter,
    EquatableArray<ParameterSpec> Parameters,
    FlushSpec Flush)
{
    /// <summary>The payload and per-endpoint settings of the format.</summary>
    public ItemEncodingSpec Encoding { get; init; } = ItemEncodingSpec.Default;

    /// <summary>The warnings the endpoint's code triggers through what the user marks <c>[Obsolete]</c>, suppressed in the generated file only.</summary>
    public EquatableArray<string> Suppressions { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The shutdown and authentication settings of the attribute.</summary>
    public LifetimeSpec Lifetime { get; init; } = LifetimeSpec.Default;
}

/// <summary>The flush settings a <c>[Stream]</c> attribute sets; <see langword="null"/> leaves the application's.</summary>
/// <param name="EveryItem">The <c>FlushEveryItem</c> named argument.</param>
/// <param name="ThresholdBytes">The <c>FlushThresholdBytes</c> named argument, when positive.</param>
internal sealed record FlushSpec(bool? EveryItem, int? ThresholdBytes)
{
    public static readonly FlushSpec Default = new(null, null);
}

/// <summary>When a stream ends besides its producer's end, as a <c>[Stream]</c> attribute sets it; <see langword="null"/> leaves the application's.</summary>
/// <param name="SseEndOnShutdown">The <c>SseEndOnShutdown</c> named argument.</param>
/// <param name="CloseOnAuthenticationExpiration">The <c>CloseOnAuthenticationExpiration</c> named argument.</param>
internal sealed record LifetimeSpec(bool? SseEndOnShutdown, bool? CloseOnAuthenticationExpiration)
{
    public static readonly LifetimeSpec Default = new(null, null);
}

internal enum Disposal
{
    None,
    Dispose,
    DisposeAsync,
}
