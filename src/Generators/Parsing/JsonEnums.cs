using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Streaming.Generators.Model;

namespace Streaming.Generators.Parsing;

/// <summary>
/// Reads an enum into the names <c>JsonStringEnumConverter</c> writes: each distinct value under its first name
/// in <c>Enum.GetNames</c> order (ascending unsigned value), renamed by <c>[JsonStringEnumMemberName]</c>; for
/// <c>[Flags]</c> enums, members with more bits set first, as the converter matches combinations.
/// </summary>
internal static class JsonEnums
{
    public static JsonEnumSpec Read(INamedTypeSymbol enumType, KnownSymbols symbols)
    {
        var underlying = enumType.EnumUnderlyingType?.SpecialType ?? SpecialType.System_Int32;
        var fields = enumType.GetMembers().OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue)
            .Select((field, index) => (Field: field, Index: index, Bits: SignExtended(field.ConstantValue!, underlying)))
            .OrderBy(f => Unsigned(f.Bits, underlying))
            .ThenBy(f => f.Index)
            .ToList();

        var isFlags = JsonAttributes.Has(enumType, symbols.FlagsAttribute);
        if (isFlags)
        {
            fields = fields.Select((f, order) => (f, order)).OrderByDescending(x => PopCount(x.f.Bits)).ThenBy(x => x.order).Select(x => x.f).ToList();
        }

        var seen = new HashSet<ulong>();
        var members = new List<JsonEnumMemberSpec>();
        foreach (var (field, _, bits) in fields)
        {
            if (seen.Add(bits))
            {
                var jsonName = JsonAttributes.StringArgument(KnownSymbols.Attribute(field, symbols.JsonStringEnumMemberNameAttribute)) ?? field.Name;
                members.Add(new JsonEnumMemberSpec(field.Name, jsonName, bits));
            }
        }

        return new JsonEnumSpec(NumberType(underlying), isFlags, members.ToEquatableArray());
    }

    /// <summary>The C# type <c>JsonOutput.WriteNumber</c> takes for an integer or enum of this underlying type.</summary>
    public static string NumberType(SpecialType underlying) => underlying switch
    {
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt64 => "ulong",
        _ => "int",
    };

    private static ulong SignExtended(object value, SpecialType underlying) => underlying switch
    {
        SpecialType.System_SByte => unchecked((ulong)(sbyte)value),
        SpecialType.System_Int16 => unchecked((ulong)(short)value),
        SpecialType.System_Int32 => unchecked((ulong)(int)value),
        SpecialType.System_Int64 => unchecked((ulong)(long)value),
        SpecialType.System_Byte => (byte)value,
        SpecialType.System_UInt16 => (ushort)value,
        SpecialType.System_UInt32 => (uint)value,
        _ => (ulong)value,
    };

    /// <summary>The value as <c>Enum.GetNames</c> sorts it: unsigned, at the enum's own width.</summary>
    private static ulong Unsigned(ulong bits, SpecialType underlying) => underlying switch
    {
        SpecialType.System_SByte or SpecialType.System_Byte => bits & 0xFF,
        SpecialType.System_Int16 or SpecialType.System_UInt16 => bits & 0xFFFF,
        SpecialType.System_Int32 or SpecialType.System_UInt32 => bits & 0xFFFF_FFFF,
        _ => bits,
    };

    private static int PopCount(ulong bits)
    {
        var count = 0;
        for (; bits != 0; bits &= bits - 1)
        {
            count++;
        }

        return count;
    }
}
