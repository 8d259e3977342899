using System.Collections.Generic;
using Streaming.Generators.Model;

namespace Streaming.Generators.Emit;

/// <summary>The expression that creates the runtime formatter of a <c>[Stream]</c> method, with its per-endpoint settings.</summary>
internal static class FormatterEmitter
{
    public static string Create(StreamMethodSpec method)
    {
        var encoding = method.Encoding;
        return method.Format switch
        {
            StreamFormat.JsonArray => $"new global::Streaming.JsonArrayFormatter<{method.ElementType}, {method.ItemWriter}>()",
            StreamFormat.Csv => $"new global::Streaming.CsvFormatter<{method.ElementType}, {method.ItemWriter}>({CsvArguments(encoding.Options)})",
            StreamFormat.Sse => $"new global::Streaming.{SseFormatter(method)}({SseArguments(encoding.Options)})",
            StreamFormat.Text => encoding.Payload == PayloadKind.CharMemory
                ? "new global::Streaming.TextMemoryFormatter()"
                : "new global::Streaming.TextFormatter()",
            _ => $"new global::Streaming.NdJsonFormatter<{method.ElementType}, {method.ItemWriter}>()",
        };
    }

    private static string SseFormatter(StreamMethodSpec method)
    {
        var encoding = method.Encoding;
        var text = encoding.Payload == PayloadKind.String;
        return encoding.SseItemData is { } data
            ? text ? "SseTextItemFormatter" : $"SseJsonItemFormatter<{data}, {method.ItemWriter}>"
            : text ? "SseTextFormatter" : $"SseJsonFormatter<{method.ElementType}, {method.ItemWriter}>";
    }

    /// <summary>Only the settings that differ from the defaults, as named arguments.</summary>
    private static string CsvArguments(FormatOptionsSpec options)
    {
        var arguments = new List<string>();
        if (options.CsvDelimiter != FormatOptionsSpec.Default.CsvDelimiter)
        {
            arguments.Add($"delimiter: {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(options.CsvDelimiter, quote: true)}");
        }

        if (!options.CsvInjectionGuard)
        {
            arguments.Add("injectionGuard: false");
        }

        if (options.CsvByteOrderMark)
        {
            arguments.Add("byteOrderMark: true");
        }

        return string.Join(", ", arguments);
    }

    private static string SseArguments(FormatOptionsSpec options) => options.SseHeartbeatSeconds switch
    {
        0 => "",
        < 0 => "global::System.Threading.Timeout.InfiniteTimeSpan",
        var seconds => $"global::System.TimeSpan.FromSeconds({seconds})",
    };
}
