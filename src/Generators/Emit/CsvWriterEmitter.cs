using System.Collections.Generic;
using System.Linq;
using Streaming.Generators.Model;

namespace Streaming.Generators.Emit;

/// <summary>
/// Emits the <c>ICsvRowWriter&lt;T&gt;</c> of one type: the header as UTF-8 literals, one field call per column,
/// nested objects flattened in place. Here is where each kind of value gets its CSV text.
/// </summary>
internal static class CsvWriterEmitter
{
    public static string HintName(CsvTypeSpec type) => $"{type.WriterNamespace}.{type.WriterName}.g.cs";

    public static string Emit(CsvTypeSpec type)
    {
        var w = SourceWriter.WithHeader(type.Suppressions);
        using (w.Block($"namespace {type.WriterNamespace}"))
        {
            w.Line($"/// <summary>Writes <see cref=\"{type.Type}\"/> as CSV records, one column per property.</summary>");
            w.Line(Generated.CodeAttribute);
            using (w.Block($"internal sealed class {type.WriterName} : global::Streaming.ICsvRowWriter<{type.Type}>"))
            {
                w.Line($"private {type.WriterName}()");
                w.Line("{");
                w.Line("}");
                w.Line();
                w.Line("/// <inheritdoc />");
                using (w.Block("public static void WriteHeader(ref global::Streaming.CsvFieldWriter fields)"))
                {
                    foreach (var column in Leaves(type.Members))
                    {
                        w.Line($"fields.WriteName({Literal(column.Header)}u8);");
                    }
                }

                w.Line();
                w.Line("/// <inheritdoc />");
                using (w.Block($"public static void WriteRow(ref global::Streaming.CsvFieldWriter fields, {type.Type} value)"))
                {
                    if (!type.IsValueType)
                    {
                        using (w.Block("if (value is null)"))
                        {
                            w.Line($"fields.WriteEmpty({type.ColumnCount});");
                            w.Line("return;");
                        }

                        w.Line();
                    }

                    WriteMembers(w, type.Members, "value");
                }
            }
        }

        return w.ToString();
    }

    private static void WriteMembers(SourceWriter w, IEnumerable<CsvMemberSpec> members, string owner)
    {
        foreach (var member in members)
        {
            var access = $"{owner}.{member.MemberName}";
            var local = $"{owner}_{member.MemberName}";
            if (member.Kind == CsvValueKind.Object && !member.IsReference && !member.IsNullableValueType)
            {
                w.Line($"var {local} = {access};");
                WriteMembers(w, member.Children, local);
            }
            else if (member.Kind == CsvValueKind.Object)
            {
                using (w.Block($"if ({access} is {{ }} {local})"))
                {
                    WriteMembers(w, member.Children, local);
                }

                using (w.Block("else"))
                {
                    w.Line($"fields.WriteEmpty({member.ColumnCount});");
                }
            }
            else if (member.IsNullableValueType)
            {
                using (w.Block($"if ({access} is {{ }} {local})"))
                {
                    w.Line(WriteCall(member, local));
                }

                using (w.Block("else"))
                {
                    w.Line("fields.WriteEmpty();");
                }
            }
            else
            {
                // WriteString writes an empty field for null.
                w.Line(WriteCall(member, access));
            }
        }
    }

    /// <summary>The text of each kind of value: as System.Text.Json writes it, unquoted; enums by name.</summary>
    private static string WriteCall(CsvMemberSpec member, string value)
    {
        if (member.Format is { } format)
        {
            return member.Kind == CsvValueKind.Enum
                ? $"fields.WriteEnum({value}, {Literal(format)});"
                : $"fields.WriteFormatted({value}, {Literal(format)});";
        }

        return member.Kind switch
        {
            CsvValueKind.Text => $"fields.WriteString({value});",
            CsvValueKind.Char => $"fields.WriteChar({value});",
            CsvValueKind.Boolean => $"fields.WriteBoolean({value});",
            CsvValueKind.DateTime => $"fields.WriteDateTime({value});",
            CsvValueKind.DateTimeOffset => $"fields.WriteDateTimeOffset({value});",
            CsvValueKind.DateOnly => $"fields.WriteDate({value});",
            CsvValueKind.TimeOnly => $"fields.WriteTime({value});",
            CsvValueKind.TimeSpan => $"fields.WriteTimeSpan({value});",
            CsvValueKind.Enum => $"fields.WriteEnum({value});",
            CsvValueKind.Uri => $"fields.WriteUri({value});",
            CsvValueKind.Version => $"fields.WriteVersion({value});",
            CsvValueKind.Base64 => member.IsReference ? $"fields.WriteBase64({value});" : $"fields.WriteBase64({value}.Span);",
            _ => $"fields.WriteValue({value});",
        };
    }

    private static IEnumerable<CsvMemberSpec> Leaves(IEnumerable<CsvMemberSpec> members)
        => members.SelectMany(m => m.Kind == CsvValueKind.Object ? Leaves(m.Children) : new[] { m });

    private static string Literal(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
}
