using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Streaming;

/// <summary>
/// Tells ApiExplorer (and so the OpenAPI document) about one parameter a stream endpoint reads from the
/// request, the way minimal APIs describe theirs. Services and special types get none: they are not part of
/// the HTTP contract.
/// </summary>
internal sealed class StreamParameterBindingMetadata(ParameterInfo parameter, bool isOptional, bool isBody) : IParameterBindingMetadata
{
    public string Name => parameter.Name ?? "";

    /// <summary>Route, query and header values are parsed from text (strings are taken as they are).</summary>
    public bool HasTryParse => !isBody && parameter.ParameterType != typeof(string);

    public bool HasBindAsync => false;

    public ParameterInfo ParameterInfo => parameter;

    public bool IsOptional => isOptional;
}
