using System.Globalization;
using System.Linq;
using Streaming.Generators.Model;

namespace Streaming.Generators.Emit;

/// <summary>
/// Emits the class that writes an enum by member name, as <c>JsonStringEnumConverter</c> does: a defined value
/// as its pre-encoded name, a <c>[Flags]</c> combination as <c>"A, B"</c>, anything else as its number.
/// </summary>
internal static class JsonEnumNamesEmitter
{
    public static string Emit(JsonTypeSpec type)
    {
        var spec = type.Enum!;
        var w = SourceWriter.WithHeader(type.Suppressions);
        using (w.Block($"namespace {type.WriterNamespace}"))
        {
            w.Line($"/// <summary>Writes {Doc.TypeReference(type)} by member name, as <c>JsonStringEnumConverter</c> does.</summary>");
            w.Line(Generated.CodeAttribute);
            using (w.Block($"internal static class {type.WriterName}"))
            {
                var flags = spec.Members.Where(m => m.Bits != 0).ToList();
                if (spec.IsFlags && flags.Count > 0)
                {
                    w.Line("// Members with more bits first: the order in which the converter matches a combination.");
                    w.Line($"private static readonly ulong[] s_flagBits = [{string.Join(", ", flags.Select(m => "0x" + m.Bits.ToString("X", CultureInfo.InvariantCulture) + "UL"))}];");
                    w.Line($"private static readonly string[] s_flagNames = [{string.Join(", ", flags.Select(m => Code.Literal(m.JsonName)))}];");
                    w.Line();
                }

                w.Line($"/// <summary>Writes <paramref name=\"value\"/> as a JSON string, or as a number when it has no name.</summary>");
                using (w.Block($"public static void Write(ref global::Streaming.JsonOutput output, {type.Type} value)"))
                {
                    using (w.Block("switch (value)"))
                    {
                        foreach (var member in spec.Members)
                        {
                            w.Line($"case {type.Type}.{Code.Identifier(member.MemberName)}:");
                            w.Line($"    output.WriteRaw({JsonLiteral.Utf8(JsonLiteral.String(member.JsonName))});");
                            w.Line("    return;");
                        }
                    }

                    w.Line();
                    if (spec.IsFlags && flags.Count > 0)
                    {
                        using (w.Block("if (global::Streaming.JsonEnumNames.TryWriteFlags(ref output, unchecked((ulong)(long)value), s_flagBits, s_flagNames))"))
                        {
                            w.Line("return;");
                        }

                        w.Line();
                    }

                    w.Line($"output.WriteNumber(({spec.UnderlyingType})value);");
                }
            }
        }

        return w.ToString();
    }
}
