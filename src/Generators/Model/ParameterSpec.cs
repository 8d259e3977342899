namespace Streaming.Generators.Model;

/// <summary>Where a parameter's value comes from, as in a minimal API.</summary>
internal enum BindingSource
{
    Route,
    Query,
    Header,
    Body,
    Service,
    HttpContext,
    HttpRequest,
    HttpResponse,
    User,
    CancellationToken,
}

/// <summary>How text from the request becomes the parameter's value.</summary>
internal enum ParseKind
{
    /// <summary>Not parsed: a string, or a value that is not read from text.</summary>
    None,

    /// <summary><c>IParsable&lt;T&gt;.TryParse</c> with the invariant culture.</summary>
    Parsable,

    /// <summary><c>Enum.TryParse</c>, ignoring case.</summary>
    Enum,
}

/// <summary>One parameter of a <c>[Stream]</c> method.</summary>
/// <param name="Name">The parameter's name in C#.</param>
/// <param name="Type">Its type, <c>global::</c>-qualified, with <c>?</c> where nullable.</param>
/// <param name="ParsedType">For <see cref="ParseKind.Parsable"/> and <see cref="ParseKind.Enum"/>, the type parsed (the underlying type of a nullable).</param>
/// <param name="Source">Where the value comes from.</param>
/// <param name="RequestName">The name in the route, query string or headers.</param>
/// <param name="Parse">How text becomes the value.</param>
/// <param name="IsRequired">Whether a missing value is a 400 (not nullable, no default).</param>
/// <param name="DefaultValue">A C# expression for the default when the value is optional, or <see langword="null"/>.</param>
/// <param name="RuntimeType">Its type as <c>typeof</c> takes it (no nullable reference annotations), to find the method by reflection.</param>
internal sealed record ParameterSpec(
    string Name,
    string Type,
    string? ParsedType,
    BindingSource Source,
    string RequestName,
    ParseKind Parse,
    bool IsRequired,
    string? DefaultValue,
    string RuntimeType);
