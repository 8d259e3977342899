using System.Text;

namespace Streaming.Generators.IntegrationTests.Json;

/// <summary>
/// Random values for differential tests, from a fixed seed, weighted towards the values serializers get wrong:
/// escapes, surrogates, extremes of every number type, dates of every kind and offset, defaults and nulls.
/// </summary>
public sealed class Values(int seed)
{
    private static readonly string[] HardStrings =
    [
        "", " ", "plain", "<script>alert('x')</script>", "a&b", "\"quoted\"", "back\\slash", "+1", "'single'", "`tick`",
        "\u2028line\u2029para", "\0nul", "\u001f\u0001\u007f", "tab\tcr\rlf\n", "é ü ß", "日本語", "😀 pair", "\ud83d lone high",
        "lone low \ude00", "\ufffd", "\ufeffbom", "emoji 👩‍👩‍👧‍👦", "/slash/", "\u0085next", "\u00a0nbsp", "<!-- -->",
        new string('x', 5000), string.Concat(Enumerable.Repeat("<é😀\"", 400)),
    ];

    private static readonly double[] HardDoubles =
    [
        0.0, -0.0, 1.0, -1.0, 0.1, 1.0 / 3, double.MaxValue, double.MinValue, double.Epsilon, -double.Epsilon, 1e-300, 1e300,
        123456789012345678.0, 1e15, 1e16, 1e17, 9007199254740993.0, 2.5e-5, 5e-324, 1.7976931348623157e308, 0.30000000000000004,
    ];

    private static readonly float[] HardFloats =
    [
        0f, -0f, 1f, -1f, 0.1f, float.MaxValue, float.MinValue, float.Epsilon, 1e-38f, 3.4e38f, 16777217f, 1f / 3, 1e-45f, 123.456f,
    ];

    private static readonly decimal[] HardDecimals =
    [
        0m, 0.0m, 0.00m, -0m, 1m, -1m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, 1.10m, 79228162514264337593543950335m,
        -7.9228162514264337593543950335m, 100m, 1e-10m,
    ];

    private readonly Random _random = new(seed);

    public int Int(int min, int max) => _random.Next(min, max);

    public bool Chance(int percent) => _random.Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public bool Bool() => Chance(50);

    /// <summary>A hard string, a random mix of every kind of character, or (when allowed) null.</summary>
    public string String() => Chance(40) ? Pick(HardStrings) : RandomString(Int(0, 40));

    public string? NullableString() => Chance(15) ? null : String();

    public string RandomString(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(Int(0, 9) switch
            {
                0 => (char)Int(0, 0x20),
                1 => (char)Int(0x20, 0x7f),
                2 => Pick("<>&'+\"\\`/".ToCharArray()),
                3 => (char)Int(0x80, 0x800),
                4 => (char)Int(0x800, 0xd800),
                5 => (char)Int(0xd800, 0xe000),
                6 => (char)Int(0xe000, 0x10000),
                7 => Pick(new[] { '\u2028', '\u2029', '\ufeff', '\u007f' }),
                _ => (char)Int('a', 'z' + 1),
            });
        }

        return text.ToString();
    }

    public char Char() => Chance(30) ? Pick("<>&'+\"\\\u2028\0\ud800\udfff a".ToCharArray()) : (char)Int(0, 0x10000);

    public long Long() => Int(0, 4) switch
    {
        0 => Pick(new[] { 0L, -1L, 1L, long.MaxValue, long.MinValue, int.MaxValue, int.MinValue }),
        1 => Int(-1000, 1000),
        _ => _random.NextInt64(long.MinValue, long.MaxValue),
    };

    public ulong ULong() => Chance(30) ? Pick(new[] { 0UL, 1UL, ulong.MaxValue, long.MaxValue + 1UL }) : (ulong)_random.NextInt64() * 2 + (ulong)Int(0, 2);

    public double Double() => Int(0, 7) switch
    {
        0 => Pick(HardDoubles),
        1 => _random.NextDouble() * Math.Pow(10, Int(-30, 30)) * (Bool() ? 1 : -1),
        2 => BitConverter.Int64BitsToDouble(_random.NextInt64()) is var d && double.IsFinite(d) ? d : 0.5,

        // Decimals of few digits (prices, weights), which are written from their digits: every magnitude, both
        // signs, around the bounds of plain notation (0.001, 10^14, 10^15) too.
        3 => Math.Round(_random.NextDouble() * Math.Pow(10, Int(-6, 18)), Int(0, 16)) * (Bool() ? 1 : -1),
        4 => Int(-99_999, 99_999) * Math.Pow(10, Int(-9, 15)),
        5 => (Bool() ? 1 : -1) * Math.Pow(10, Int(-6, 17)),
        _ => Math.Round(_random.NextDouble() * 10000, Int(0, 6)),
    };

    public float Float() => Chance(40) ? Pick(HardFloats) : BitConverter.Int32BitsToSingle(_random.Next(int.MinValue, int.MaxValue)) is var f && float.IsFinite(f) ? f : 1.5f;

    public decimal Decimal() => Chance(40)
        ? Pick(HardDecimals)
        : new decimal(_random.Next(), _random.Next(), _random.Next(), Bool(), (byte)Int(0, 29));

    public DateTime DateTime()
    {
        var kind = Pick(new[] { DateTimeKind.Unspecified, DateTimeKind.Utc, DateTimeKind.Local });
        if (Chance(15))
        {
            return System.DateTime.SpecifyKind(Pick(new[] { System.DateTime.MinValue, System.DateTime.MaxValue, default, new System.DateTime(2026, 11, 21) }), kind);
        }

        var ticks = _random.NextInt64(System.DateTime.MinValue.Ticks + System.TimeSpan.TicksPerDay, System.DateTime.MaxValue.Ticks - System.TimeSpan.TicksPerDay);
        // Whole seconds, milliseconds or any tick: the serializer trims trailing zeros of the fraction.
        ticks -= ticks % Pick(new[] { System.TimeSpan.TicksPerSecond, System.TimeSpan.TicksPerMillisecond, 10L, 1L });
        return new System.DateTime(ticks, kind);
    }

    public DateTimeOffset DateTimeOffset()
    {
        if (Chance(10))
        {
            return Pick(new[] { System.DateTimeOffset.MinValue, System.DateTimeOffset.MaxValue, default });
        }

        var offset = System.TimeSpan.FromMinutes(Int(-14 * 60, 14 * 60 + 1));
        var local = System.DateTime.SpecifyKind(DateTime(), DateTimeKind.Unspecified);
        // Offsets move the UTC instant by up to 14 hours: keep a day away from the ends of the calendar.
        return local.Ticks < System.TimeSpan.TicksPerDay || local.Ticks > System.DateTime.MaxValue.Ticks - System.TimeSpan.TicksPerDay
            ? new System.DateTimeOffset(local, System.TimeSpan.Zero)
            : new System.DateTimeOffset(local, offset);
    }

    public DateOnly DateOnly() => System.DateOnly.FromDateTime(DateTime());

    public TimeOnly TimeOnly() => System.TimeOnly.FromDateTime(DateTime());

    public TimeSpan TimeSpan() => Chance(20)
        ? Pick(new[] { System.TimeSpan.Zero, System.TimeSpan.MaxValue, System.TimeSpan.MinValue, System.TimeSpan.FromDays(1), System.TimeSpan.FromTicks(-1) })
        : new TimeSpan(_random.NextInt64(-System.TimeSpan.TicksPerDay * 40000, System.TimeSpan.TicksPerDay * 40000));

    public Guid Guid() => Chance(10) ? System.Guid.Empty : new Guid(Bytes(16));

    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    public Uri Uri() => Pick(new[]
    {
        new Uri("https://example.com/a b?q=<x>&y=é#frag"),
        new Uri("relative/path with space", UriKind.Relative),
        new Uri("http://[::1]:8080/"),
        new Uri("mailto:someone@example.com"),
        new Uri("https://例え.jp/パス"),
        new Uri("/root", UriKind.RelativeOrAbsolute),
    });

    public Half Half() => Chance(30) ? Pick(new[] { (Half)0, System.Half.MaxValue, System.Half.MinValue, System.Half.Epsilon, (Half)(-0.0), (Half)65504 }) : (Half)Float();

    public Int128 Int128() => Chance(30) ? Pick(new[] { System.Int128.MaxValue, System.Int128.MinValue, System.Int128.Zero }) : new Int128((ulong)Long(), ULong());

    public UInt128 UInt128() => Chance(30) ? Pick(new[] { System.UInt128.MaxValue, System.UInt128.Zero }) : new UInt128(ULong(), ULong());

    public Version Version() => Pick(new[] { new Version(1, 0), new Version(1, 2, 3), new Version(10, 20, 30, 40), new Version(int.MaxValue, 0) });

    public T Enum<T>()
        where T : struct, Enum
    {
        var values = System.Enum.GetValues<T>();
        return Chance(80) && values.Length > 0
            ? values[Int(0, values.Length)]
            : (T)System.Enum.ToObject(typeof(T), Int(-3, 300));
    }

    public List<T> List<T>(Func<T> item, int max = 4) => Enumerable.Range(0, Int(0, max + 1)).Select(_ => item()).ToList();

    public Dictionary<string, T> Dictionary<T>(Func<T> item, int max = 3)
    {
        var entries = new Dictionary<string, T>();
        for (var i = Int(0, max + 1); i > 0; i--)
        {
            entries.TryAdd(String(), item());
        }

        return entries;
    }

    /// <summary><paramref name="make"/>'s value, or null now and then.</summary>
    public T? OrNull<T>(Func<T> make)
        where T : class
        => Chance(15) ? null : make();

    public T? OrNullValue<T>(Func<T> make)
        where T : struct
        => Chance(20) ? null : make();
}
