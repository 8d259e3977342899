using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Streaming;

/// <summary>Endpoint metadata that generated <c>Map…</c> methods attach to each stream endpoint.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StreamEndpointConventions
{
    private const BindingFlags DeclaredMethods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    private static readonly string[] s_problemContentTypes = ["application/problem+json"];
    private static readonly string[] s_jsonContentTypes = ["application/json"];

    /// <summary>
    /// Adds <paramref name="metadata"/>, the <c>200</c> response in its content type with
    /// <paramref name="responseType"/>, and, as a minimal API would, the method with its attributes and a
    /// description of each parameter read from the request (ApiExplorer and OpenAPI read them; <c>[Authorize]</c>,
    /// <c>[Tags]</c> … on the method apply to the endpoint), the JSON body it accepts, and its <c>400</c>.
    /// </summary>
    /// <param name="builder">The endpoint.</param>
    /// <param name="metadata">The stream's format and flush settings.</param>
    /// <param name="responseType">What the OpenAPI document shows for the body: the element type (for JsonArray, an array of it).</param>
    /// <param name="declaringType">The type that declares the <c>[Stream]</c> method.</param>
    /// <param name="methodName">The method's name.</param>
    /// <param name="parameterTypes">The method's parameter types, to tell overloads apart.</param>
    /// <param name="requestParameters">The parameters bound from the route, query, headers or body, and whether each may be missing.</param>
    public static TBuilder WithStreamMetadata<TBuilder>(
        this TBuilder builder,
        StreamEndpointMetadata metadata,
        Type responseType,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] Type declaringType,
        string methodName,
        Type[] parameterTypes,
        (string Name, bool IsOptional)[] requestParameters)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(declaringType);
        ArgumentNullException.ThrowIfNull(requestParameters);

        // The method's own attributes first, so that what is declared below wins where both say the same thing.
        if (declaringType.GetMethod(methodName, DeclaredMethods, parameterTypes) is { } method)
        {
            builder.WithMetadata(method.GetCustomAttributes(inherit: true));
            builder.WithMetadata(method);
            AddRequestParameters(builder, method, requestParameters);
        }

        builder.WithMetadata(metadata, new ProducesResponseTypeMetadata(StatusCodes.Status200OK, responseType, StreamFormats.MediaTypes(metadata.Format)));

        // The application's runtime, from its root services: a request that asked its own services for it would
        // get a DI scope created for it, held for as long as the stream runs.
        builder.Add(static endpoint => endpoint.Metadata.Add(StreamingRuntime.For(endpoint.ApplicationServices)));
        if (requestParameters.Length > 0)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(ProblemDetails), s_problemContentTypes));
        }

        return builder;
    }

    private static void AddRequestParameters(IEndpointConventionBuilder builder, MethodInfo method, (string Name, bool IsOptional)[] requestParameters)
    {
        foreach (var parameter in method.GetParameters())
        {
            var index = Array.FindIndex(requestParameters, p => p.Name == parameter.Name);
            if (index < 0)
            {
                continue;
            }

            var isOptional = requestParameters[index].IsOptional;
            var isBody = parameter.IsDefined(typeof(IFromBodyMetadata), inherit: true);
            builder.WithMetadata(new StreamParameterBindingMetadata(parameter, isOptional, isBody));
            if (isBody)
            {
                builder.WithMetadata(new AcceptsMetadata(s_jsonContentTypes, parameter.ParameterType, isOptional));
            }
        }
    }
}
