using System.Text.Json;
using Streaming.Generated;
using Streaming.Generated.Streaming.Generators.IntegrationTests.Json.Types;
using Streaming.Generators.IntegrationTests.Json.Types;

namespace Streaming.Generators.IntegrationTests.Json;

/// <summary>
/// The generated writers against <c>JsonSerializer.Serialize(value, JsonSerializerOptions.Web)</c>, type by type,
/// over thousands of generated values from a fixed seed (see <see cref="Values"/> for the hard cases).
/// </summary>
public sealed class DifferentialTests
{
    private const int Cases = 2000;

    [Fact]
    public void Scalars() => Differential.Check<Scalars, ScalarsJsonWriter>(Types.Scalars.Create, Cases);

    [Fact]
    public void Nullable_scalars() => Differential.Check<NullableScalars, NullableScalarsJsonWriter>(Types.NullableScalars.Create, Cases);

    [Fact]
    public void Floating_point_including_NaN_and_infinities() => Differential.Check<Floats, FloatsJsonWriter>(Types.Floats.Create, Cases);

    [Fact]
    public void Enums_as_numbers_names_and_flags() => Differential.Check<Enums, EnumsJsonWriter>(Types.Enums.Create, Cases);

    [Fact]
    public void Serializer_attributes_fields_and_non_public_members() => Differential.Check<Attributed, AttributedJsonWriter>(Attributed.Create, Cases);

    [Fact]
    public void A_struct_with_a_private_included_field() => Differential.Check<Measurement, MeasurementJsonWriter>(Measurement.Create, Cases);

    [Fact]
    public void Inherited_hidden_overridden_and_ignored_members() => Differential.Check<Puppy, PuppyJsonWriter>(Puppy.Create, Cases);

    [Fact]
    public void Derived_records() => Differential.Check<Circle, CircleJsonWriter>(Circle.Create, Cases);

    [Fact]
    public void Collections_and_dictionaries() => Differential.Check<Collections, CollectionsJsonWriter>(Types.Collections.Create, Cases);

    [Fact]
    public void Nested_objects_with_nulls_at_every_level() => Differential.Check<Invoice, InvoiceJsonWriter>(Invoice.Create, Cases);

    [Fact]
    public void Generic_records()
    {
        Differential.Check<Page<Address>, PageOfAddressJsonWriter>(v => new Page<Address>(v.Int(0, 9), v.List(() => Address.Create(v)), v.OrNull(() => Address.Create(v))), Cases / 2);
        Differential.Check<Page<Customer>, PageOfCustomerJsonWriter>(v => new Page<Customer>(v.Int(0, 9), v.List(() => Customer.Create(v)), v.OrNull(() => Customer.Create(v))), Cases / 2);
    }

    [Fact]
    public void Paging_wrappers_over_two_same_named_types()
    {
        Differential.Check<Paged<Types.Catalog.Item>, PagedOfStreaming_Generators_IntegrationTests_Json_Types_Catalog_ItemJsonWriter>(v => Paged<Types.Catalog.Item>.Create(v, Types.Catalog.Item.Create), Cases);
        Differential.Check<Paged<Types.Admin.Item>, PagedOfStreaming_Generators_IntegrationTests_Json_Types_Admin_ItemJsonWriter>(v => Paged<Types.Admin.Item>.Create(v, Types.Admin.Item.Create), Cases);
    }

    [Fact]
    public void Recursive_any_values_deep_enough_to_cross_the_depth_limit()
    {
        Differential.Check<AnyValue, AnyValueJsonWriter>(AnyValue.Create, Cases * 2);
        AssertSomeRefused(AnyValue.Create, Cases * 2);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_depth_limit_falls_where_the_serializer_puts_it_in_either_format(bool inArray)
    {
        // Nested maps, each two JSON levels: around the limit, the formatter and the serializer must agree exactly.
        for (var levels = 28; levels <= 34; levels++)
        {
            var value = new AnyValue { StringValue = "leaf" };
            for (var i = 0; i < levels; i++)
            {
                value = new AnyValue { KvlistValue = new() { ["k"] = value } };
            }

            var expected = inArray ? Differential.Oracle(new List<AnyValue> { value }) : Differential.Oracle(value);
            Assert.Equal(expected, Format(value, inArray));
        }
    }

    private static string Format(AnyValue value, bool inArray)
    {
        StreamFormatter<AnyValue> formatter = inArray ? new JsonArrayFormatter<AnyValue, AnyValueJsonWriter>() : new NdJsonFormatter<AnyValue, AnyValueJsonWriter>();
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        try
        {
            formatter.WriteStart(output);
            formatter.WriteItem(output, value);
            formatter.WriteEnd(output);
        }
        catch (JsonException)
        {
            return "<throws JsonException>";
        }

        return System.Text.Encoding.UTF8.GetString(output.WrittenSpan).TrimEnd('\n');
    }

    [Fact]
    public void Entity_navigation_cycles_fail_as_the_serializer_does()
    {
        Differential.Check<BuyerOrder, BuyerOrderJsonWriter>(BuyerOrder.Create, Cases);
        AssertSomeRefused(BuyerOrder.Create, Cases);
    }

    [Fact]
    public void Counters_under_number_handling() => Differential.Check<Counters, CountersJsonWriter>(Types.Counters.Create, Cases);

    [Fact]
    public void Dictionaries_with_number_guid_bool_and_char_keys_immutable_arrays_and_bytes() => Differential.Check<Keyed, KeyedJsonWriter>(Types.Keyed.Create, Cases);

    [Fact]
    public void Obsolete_members_and_types() => Differential.Check<SpanRecord, SpanRecordJsonWriter>(SpanRecord.Create, Cases);

    [Fact]
    public void Json_elements_documents_and_nodes() => Differential.Check<Dom, DomJsonWriter>(Types.Dom.Create, Cases);

    [Fact]
    public void Members_written_by_the_serializer_fallback() => Differential.Check<Fallbacks, FallbacksJsonWriter>(Types.Fallbacks.Create, Cases);

    [Fact]
    public void Members_named_like_locals_and_keywords() => Differential.Check<Awkward, AwkwardJsonWriter>(Types.Awkward.Create, Cases);

    [Fact]
    public void Root_strings() => Differential.Check<string?, StringJsonWriter>(v => v.NullableString(), Cases);

    [Fact]
    public void Root_numbers()
    {
        Differential.Check<int, Int32JsonWriter>(v => (int)v.Long(), Cases);
        Differential.Check<double?, NullableOfDoubleJsonWriter>(v => v.Chance(5) ? double.NaN : v.OrNullValue(v.Double), Cases);
    }

    [Fact]
    public void Root_collections()
    {
        Differential.Check<Dictionary<string, int>, DictionaryOfStringAndInt32JsonWriter>(v => v.Dictionary(() => v.Int(0, 99), 6), Cases);
        Differential.Check<int[], ArrayOfInt32JsonWriter>(v => v.List(() => (int)v.Long(), 8).ToArray(), Cases);
        Differential.Check<List<Invoice>, ListOfStreaming_Generators_IntegrationTests_Json_Types_InvoiceJsonWriter>(v => v.List(() => Invoice.Create(v), 3), Cases / 4);
    }

    [Fact]
    public void Root_enums_structs_elements_and_objects()
    {
        Differential.Check<Colour, ColourJsonWriter>(v => (Colour)v.Int(-1, 5), Cases);
        Differential.Check<Access, AccessJsonWriter>(v => (Access)v.Int(0, 20), Cases);
        Differential.Check<Point?, NullableOfStreaming_Generators_IntegrationTests_Json_Types_PointJsonWriter>(v => v.OrNullValue(() => new Point(v.Int(-9, 9), v.Int(-9, 9))), Cases);
        Differential.Check<JsonElement, JsonElementJsonWriter>(v => JsonSerializer.SerializeToElement(v.String()), Cases);
        Differential.Check<object?, ObjectJsonWriter>(v => v.Bool() ? v.String() : v.OrNull(() => Invoice.Create(v)), Cases);
    }

    /// <summary>The same values the check compared include some the serializer writes and some it refuses as too deep.</summary>
    private static void AssertSomeRefused<T>(Func<Values, T> make, int count)
    {
        var values = new Values(Differential.Seed);
        var refused = Enumerable.Range(0, count).Count(_ => Differential.Oracle(make(values)) == "<throws JsonException>");
        Assert.InRange(refused, 1, count - 1);
    }
}
