using System.Collections.ObjectModel;

namespace Streaming.Generators.IntegrationTests.Json.Types;

/// <summary>Every collection shape the writer enumerates itself, with nulls inside and out.</summary>
public sealed class Collections
{
    public int[]? Array { get; set; }
    public List<string?>? List { get; set; }
    public IEnumerable<int>? Enumerable { get; set; }
    public IReadOnlyList<double>? ReadOnlyList { get; set; }
    public IList<Guid>? InterfaceList { get; set; }
    public ICollection<bool>? Collection { get; set; }
    public IReadOnlyCollection<long>? ReadOnlyCollection { get; set; }
    public HashSet<string>? Set { get; set; }
    public ISet<int>? InterfaceSet { get; set; }
    public List<int?>? NullableItems { get; set; }
    public List<List<string>?>? Nested { get; set; }
    public Address?[]? Objects { get; set; }
    public List<Point>? Structs { get; set; }
    public Dictionary<string, int>? Dictionary { get; set; }
    public IDictionary<string, string?>? InterfaceDictionary { get; set; }
    public IReadOnlyDictionary<string, List<int>>? ReadOnlyDictionary { get; set; }
    public Dictionary<string, Address?>? ObjectsByKey { get; set; }
    public List<byte>? ByteList { get; set; }
    public byte[][]? ByteArrays { get; set; }

    public static Collections Create(Values v) => new()
    {
        Array = v.OrNull(() => v.List(() => (int)v.Long()).ToArray()),
        List = v.OrNull(() => v.List(v.NullableString)),
        Enumerable = v.OrNull(() => v.Int(0, 4) switch
        {
            0 => v.List(() => v.Int(0, 9)),
            1 => v.List(() => v.Int(0, 9)).ToArray(),
            2 => System.Linq.Enumerable.Range(0, v.Int(0, 4)).Select(i => i * 3),
            _ => new LinkedList<int>(v.List(() => v.Int(0, 9))),
        }),
        ReadOnlyList = v.OrNull<IReadOnlyList<double>>(() => v.Bool() ? v.List(v.Double) : new ReadOnlyCollection<double>(v.List(v.Double))),
        InterfaceList = v.OrNull<IList<Guid>>(() => v.Bool() ? v.List(v.Guid).ToArray() : v.List(v.Guid)),
        Collection = v.OrNull<ICollection<bool>>(() => v.Bool() ? v.List(v.Bool) : new HashSet<bool>(v.List(v.Bool))),
        ReadOnlyCollection = v.OrNull<IReadOnlyCollection<long>>(() => v.List(v.Long)),
        Set = v.OrNull(() => new HashSet<string>(v.List(v.String))),
        InterfaceSet = v.OrNull<ISet<int>>(() => new SortedSet<int>(v.List(() => v.Int(-9, 9)))),
        NullableItems = v.OrNull(() => v.List(() => v.OrNullValue(() => v.Int(0, 9)))),
        Nested = v.OrNull(() => v.List(() => v.OrNull(() => v.List(v.String)))),
        Objects = v.OrNull(() => v.List(() => v.OrNull(() => Address.Create(v))).ToArray()),
        Structs = v.OrNull(() => v.List(() => new Point(v.Int(-9, 9), v.Int(-9, 9)))),
        Dictionary = v.OrNull(() => v.Dictionary(() => v.Int(-9, 9))),
        InterfaceDictionary = v.OrNull<IDictionary<string, string?>>(() => v.Bool()
            ? v.Dictionary(v.NullableString)
            : new SortedDictionary<string, string?>(v.Dictionary(v.NullableString), StringComparer.Ordinal)),
        ReadOnlyDictionary = v.OrNull<IReadOnlyDictionary<string, List<int>>>(() => v.Dictionary(() => v.List(() => v.Int(0, 9)))),
        ObjectsByKey = v.OrNull(() => v.Dictionary(() => v.OrNull(() => Address.Create(v)))),
        ByteList = v.OrNull(() => v.List(() => (byte)v.Int(0, 256))),
        ByteArrays = v.OrNull(() => v.List(() => v.Bytes(v.Int(0, 5))).ToArray()),
    };
}
