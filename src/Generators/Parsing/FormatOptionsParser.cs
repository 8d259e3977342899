using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Streaming.Generators.Diagnostics;
using Streaming.Generators.Model;

namespace Streaming.Generators.Parsing;

/// <summary>Reads the per-endpoint format settings of <c>[Stream(…)]</c> (<c>CsvDelimiter</c>, <c>SseHeartbeatSeconds</c> …).</summary>
internal static class FormatOptionsParser
{
    public static FormatOptionsSpec Read(AttributeData attribute, StreamFormat format, Location? location, List<DiagnosticInfo> diagnostics)
    {
        var options = FormatOptionsSpec.Default;
        foreach (var argument in attribute.NamedArguments)
        {
            options = (argument.Key, argument.Value.Value) switch
            {
                ("CsvDelimiter", char separator) => options with { CsvDelimiter = separator },
                ("CsvInjectionGuard", bool guard) => options with { CsvInjectionGuard = guard },
                ("CsvByteOrderMark", bool bom) => options with { CsvByteOrderMark = bom },
                ("SseHeartbeatSeconds", int seconds) => options with { SseHeartbeatSeconds = seconds },
                _ => options,
            };
        }

        // Mirrors CsvFieldWriter.IsValidDelimiter, so that a bad delimiter fails the build, not the first request.
        var delimiter = options.CsvDelimiter;
        if (format == StreamFormat.Csv && (delimiter > 0x7F || delimiter is '"' or '\r' or '\n'))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnwritableElement,
                location,
                $"CsvDelimiter {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(delimiter, quote: true)}",
                "Format.Csv",
                "a delimiter must be an ASCII character other than '\"', CR and LF"));
        }

        return options;
    }
}
