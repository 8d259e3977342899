using System.Collections.Generic;
using System.Linq;
using Streaming.Generators.Model;

namespace Streaming.Generators.Emit;

/// <summary>
/// Emits <c>MapStreamEndpoints()</c>, one <c>Map{Type}{Method}(pattern)</c> per <c>[Stream]</c> method, and the
/// request delegates that bind parameters, call the method and stream its items.
/// </summary>
internal static class EndpointEmitter
{
    public const string HintName = "StreamEndpoints.g.cs";

    public static string Emit(IReadOnlyList<StreamMethodSpec> methods)
    {
        var names = MemberNames(methods);
        var w = SourceWriter.WithHeader(methods.SelectMany(m => m.Suppressions).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToList());
        using (w.Block("namespace Microsoft.AspNetCore.Builder"))
        {
            w.Line("/// <summary>Maps the <c>[Stream]</c> methods of this assembly as streamed endpoints.</summary>");
            w.Line(Generated.CodeAttribute);
            using (w.Block("internal static class StreamEndpointRouteBuilderExtensions"))
            {
                foreach (var verb in methods.Select(m => m.HttpMethod).Distinct().OrderBy(v => v, System.StringComparer.Ordinal))
                {
                    w.Line($"private static readonly string[] s_{verb.ToLowerInvariant()} = [{Literal(verb)}];");
                }

                w.Line();
                foreach (var method in methods)
                {
                    w.Line($"private static readonly global::Streaming.StreamEndpointMetadata {MetadataField(names[method])} = {NewMetadata(method)};");
                }

                w.Line();
                EmitMapAll(w, methods, names);
                foreach (var method in methods)
                {
                    w.Line();
                    EmitMapOne(w, method, names[method]);
                    w.Line();
                    EmitHandler(w, method, names[method]);
                }
            }
        }

        return w.ToString();
    }

    private static void EmitMapAll(SourceWriter w, IReadOnlyList<StreamMethodSpec> methods, IReadOnlyDictionary<StreamMethodSpec, string> names)
    {
        w.Line("/// <summary>");
        w.Line("/// Maps every <c>[Stream]</c> method of this assembly that has a route. Conventions added to the returned");
        w.Line("/// builder (<c>RequireAuthorization</c>, <c>WithTags</c> …) apply to all of them.");
        w.Line("/// </summary>");
        using (w.Block("public static global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapStreamEndpoints(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints)"))
        {
            w.Line("var group = endpoints.MapGroup(\"\");");
            foreach (var method in methods.Where(m => m.Route is not null))
            {
                w.Line($"group.Map{names[method]}({Literal(method.Route!)});");
            }

            w.Line("return group;");
        }
    }

    private static void EmitMapOne(SourceWriter w, StreamMethodSpec method, string name)
    {
        var responseType = method.Format == StreamFormat.JsonArray ? method.ElementType + "[]" : method.ElementType;
        var parameterTypes = string.Join(", ", method.Parameters.Select(p => $"typeof({p.RuntimeType})"));
        var requestParameters = string.Join(", ", method.Parameters
            .Where(p => p.Source is BindingSource.Route or BindingSource.Query or BindingSource.Header or BindingSource.Body)
            .Select(p => $"({Literal(p.Name)}, {(p.IsRequired ? "false" : "true")})"));

        w.Line($"/// <summary>Maps <see cref=\"{method.ContainingType}.{method.MethodName}\"/> as a <c>Format.{method.Format}</c> stream at <paramref name=\"pattern\"/>.</summary>");
        w.Line($"public static global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder Map{name}(this global::Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern)");
        w.Line("    => global::Streaming.StreamEndpointConventions.WithStreamMetadata(");
        w.Line($"        endpoints.MapMethods(pattern, s_{method.HttpMethod.ToLowerInvariant()}, Handle{name}),");
        w.Line($"        {MetadataField(name)},");
        w.Line($"        responseType: typeof({responseType}),");
        w.Line($"        declaringType: typeof({method.ContainingType}),");
        w.Line($"        methodName: {Literal(method.MethodName)},");
        w.Line($"        parameterTypes: [{parameterTypes}],");
        w.Line($"        requestParameters: [{requestParameters}]);");
    }

    private static string MetadataField(string name) => $"s_{char.ToLowerInvariant(name[0])}{name.Substring(1)}Metadata";

    private static string NewMetadata(StreamMethodSpec method)
    {
        var settings = new List<string>();
        if (method.Flush.EveryItem is { } everyItem)
        {
            settings.Add($"FlushEveryItem = {Bool(everyItem)}");
        }

        if (method.Flush.ThresholdBytes is { } threshold)
        {
            settings.Add($"FlushThresholdBytes = {threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        if (method.Lifetime.SseEndOnShutdown is { } endOnShutdown)
        {
            settings.Add($"SseEndOnShutdown = {Bool(endOnShutdown)}");
        }

        if (method.Lifetime.CloseOnAuthenticationExpiration is { } closeOnExpiry)
        {
            settings.Add($"CloseOnAuthenticationExpiration = {Bool(closeOnExpiry)}");
        }

        var created = $"new(global::Streaming.Format.{method.Format})";
        return settings.Count == 0 ? created : $"{created} {{ {string.Join(", ", settings)} }}";
    }

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>
    /// The request delegate. It returns the stream's own task rather than awaiting it, so that an idle stream
    /// waits in one state machine, the write loop's, which disposes the request when the stream ends. Only an
    /// endpoint that reads a request body awaits, and so is an async method of its own.
    /// </summary>
    private static void EmitHandler(SourceWriter w, StreamMethodSpec method, string name)
    {
        var awaits = method.Parameters.Any(p => p.Source == BindingSource.Body);
        var signature = awaits ? "private static async global::System.Threading.Tasks.Task" : "private static global::System.Threading.Tasks.Task";
        using (w.Block($"{signature} Handle{name}(global::Microsoft.AspNetCore.Http.HttpContext httpContext)"))
        {
            // Admission comes first: a request over the concurrency limit is refused before anything is bound, and
            // the cancellation token bound below already carries the maximum duration.
            var begin = $"global::Streaming.StreamRequest.Begin(httpContext, {MetadataField(name)}, out var refused)";
            w.Line(awaits ? $"using var stream = {begin};" : $"var stream = {begin};");
            using (w.Block("if (stream is null)"))
            {
                w.Line(awaits ? "await refused;" : "return refused;");
                if (awaits)
                {
                    w.Line("return;");
                }
            }

            w.Line();
            if (awaits)
            {
                EmitCall(w, method, awaits);
                return;
            }

            using (w.Block("try"))
            {
                EmitCall(w, method, awaits);
            }

            using (w.Block("catch"))
            {
                w.Line("stream.Dispose();");
                w.Line("throw;");
            }
        }
    }

    /// <summary>Binds the parameters, calls the method and streams what it returns.</summary>
    private static void EmitCall(SourceWriter w, StreamMethodSpec method, bool awaits)
    {
        foreach (var parameter in method.Parameters)
        {
            EmitBinding(w, parameter, awaits);
        }

        var target = method.ContainingType;
        if (!method.IsStatic)
        {
            w.Line($"var target = global::Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<{method.ContainingType}>(httpContext.RequestServices);");
            if (method.TargetDisposal == Disposal.DisposeAsync)
            {
                w.Line("httpContext.Response.RegisterForDisposeAsync(target);");
            }
            else if (method.TargetDisposal == Disposal.Dispose)
            {
                w.Line("httpContext.Response.RegisterForDispose(target);");
            }

            target = "target";
        }

        var arguments = string.Join(", ", method.Parameters.Select(Argument));
        w.Line($"var items = {target}.{method.MethodName}({arguments});");
        // Writers take null items (an empty record, JSON null), so a stream of T? is written as a stream of T.
        var items = method.Encoding.NullableItems ? "items!" : "items";
        var write = $"global::Streaming.StreamResponse.WriteAsync<{method.ElementType}>(stream, {items}, {FormatterEmitter.Create(method)});";
        w.Line(awaits ? $"await {write}" : $"return {write}");
    }

    /// <summary>Ends the handler with <paramref name="answer"/> (a 400 being written): awaited, or returned after giving back the request.</summary>
    private static void EmitAnswer(SourceWriter w, string answer, bool awaits)
    {
        if (awaits)
        {
            w.Line($"await {answer};");
            w.Line("return;");
        }
        else
        {
            w.Line("stream.Dispose();");
            w.Line($"return {answer};");
        }
    }

    private static void EmitBinding(SourceWriter w, ParameterSpec parameter, bool awaits)
    {
        var local = Local(parameter);
        switch (parameter.Source)
        {
            case BindingSource.Route or BindingSource.Query or BindingSource.Header:
                EmitTextBinding(w, parameter, local, awaits);
                break;
            case BindingSource.Body:
                w.Line($"var ({parameter.Name}_read, {local}) = await global::Streaming.StreamBinding.TryReadJsonBodyAsync<{NonNullable(parameter.Type)}>(httpContext, {Literal(parameter.Name)});");
                using (w.Block($"if (!{parameter.Name}_read)"))
                {
                    w.Line("return;");
                }

                w.Line();
                break;
            case BindingSource.Service:
                var resolve = parameter.IsRequired ? "GetRequiredService" : "GetService";
                w.Line($"var {local} = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.{resolve}<{NonNullable(parameter.Type)}>(httpContext.RequestServices);");
                break;
        }
    }

    /// <summary>Route, query and header values: read as text, parsed with the invariant culture, 400 when missing or malformed.</summary>
    private static void EmitTextBinding(SourceWriter w, ParameterSpec parameter, string local, bool awaits)
    {
        var source = parameter.Source.ToString().ToLowerInvariant();
        var read = $"global::Streaming.StreamBinding.{parameter.Source}(httpContext, {Literal(parameter.RequestName)})";
        string Reject(string text) => $"global::Streaming.StreamBinding.RejectValueAsync(httpContext, {Literal(source)}, {Literal(parameter.RequestName)}, {text}, {Literal(ShortTypeName(parameter))})";

        if (parameter.Parse == ParseKind.None)
        {
            if (parameter.IsRequired)
            {
                w.Line($"var {local} = {read};");
                using (w.Block($"if ({local} is null)"))
                {
                    EmitAnswer(w, Reject("null"), awaits);
                }

                w.Line();
            }
            else
            {
                var fallback = parameter.DefaultValue is null or "default" ? "" : $" ?? {parameter.DefaultValue}";
                w.Line($"{parameter.Type} {local} = {read}{fallback};");
            }

            return;
        }

        var tryParse = parameter.Parse == ParseKind.Enum
            ? $"global::Streaming.StreamBinding.TryParseEnum<{parameter.ParsedType}>"
            : $"global::Streaming.StreamBinding.TryParse<{parameter.ParsedType}>";

        w.Line($"var {parameter.Name}_text = {read};");
        if (parameter.IsRequired)
        {
            using (w.Block($"if (!{tryParse}({parameter.Name}_text, out var {local}))"))
            {
                EmitAnswer(w, Reject($"{parameter.Name}_text"), awaits);
            }

            w.Line();
            return;
        }

        w.Line($"{parameter.Type} {local} = {parameter.DefaultValue};");
        using (w.Block($"if (!string.IsNullOrEmpty({parameter.Name}_text))"))
        {
            using (w.Block($"if (!{tryParse}({parameter.Name}_text, out var {parameter.Name}_parsed))"))
            {
                EmitAnswer(w, Reject($"{parameter.Name}_text"), awaits);
            }

            w.Line($"{local} = {parameter.Name}_parsed;");
        }

        w.Line();
    }

    private static string Argument(ParameterSpec parameter) => parameter.Source switch
    {
        BindingSource.HttpContext => "httpContext",
        BindingSource.HttpRequest => "httpContext.Request",
        BindingSource.HttpResponse => "httpContext.Response",
        BindingSource.User => "httpContext.User",
        BindingSource.CancellationToken => "httpContext.RequestAborted",
        BindingSource.Body => Local(parameter) + "!",
        _ => Local(parameter),
    };

    private static string Local(ParameterSpec parameter) => parameter.Name + "_local";

    private static string NonNullable(string type) => type.TrimEnd('?');

    private static string ShortTypeName(ParameterSpec parameter)
    {
        var type = parameter.ParsedType ?? "string";
        var dot = type.LastIndexOf('.');
        return dot < 0 ? type : type.Substring(dot + 1);
    }

    /// <summary><c>{Type}{Method}</c> for every method, numbered where two would collide.</summary>
    private static Dictionary<StreamMethodSpec, string> MemberNames(IReadOnlyList<StreamMethodSpec> methods)
    {
        var names = new Dictionary<StreamMethodSpec, string>();
        var used = new HashSet<string>();
        foreach (var method in methods)
        {
            var baseName = method.ContainingTypeName + method.MethodName;
            var name = baseName;
            for (var i = 2; !used.Add(name); i++)
            {
                name = baseName + i;
            }

            names[method] = name;
        }

        return names;
    }

    private static string Literal(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
}
