using System.Buffers;
using System.Text;
using System.Text.Json;
using Xunit.Sdk;

namespace Streaming.Generators.IntegrationTests.Json;

/// <summary>
/// Compares a generated writer with System.Text.Json, the oracle, over many generated values: the same UTF-8
/// bytes, or the same exception type when the serializer refuses a value (NaN, …). A mismatch names the value.
/// </summary>
public static class Differential
{
    /// <summary>The seed every differential test starts from: a failure reproduces exactly.</summary>
    public const int Seed = 20261121;

    /// <summary>Checks <paramref name="count"/> values made by <paramref name="make"/>; returns how many were compared.</summary>
    public static int Check<T, TWriter>(Func<Values, T> make, int count)
        where TWriter : IJsonItemWriter<T>
    {
        var values = new Values(Seed);
        var buffer = new ArrayBufferWriter<byte>();
        for (var i = 0; i < count; i++)
        {
            var value = make(values);
            var expected = Oracle(value);
            buffer.ResetWrittenCount();
            string actual;
            try
            {
                var output = new JsonOutput(buffer);
                TWriter.Write(ref output, value);
                output.Commit();
                actual = Encoding.UTF8.GetString(buffer.WrittenSpan);
            }
            catch (Exception exception)
            {
                actual = Refused(exception);
            }

            if (expected != actual)
            {
                throw new XunitException(
                    $"Case {i} of {typeof(T).Name} (seed {Seed}) differs from JsonSerializer.\n" +
                    $"value:    {Describe(value)}\n" +
                    $"expected: {expected}\n" +
                    $"actual:   {actual}\n" +
                    $"first difference at character {FirstDifference(expected, actual)}");
            }
        }

        return count;
    }

    /// <summary>What the serializer writes for <paramref name="value"/>, or the kind of exception it throws.</summary>
    public static string Oracle<T>(T value)
    {
        try
        {
            return Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(value, JsonSerializerOptions.Web));
        }
        catch (Exception exception)
        {
            return Refused(exception);
        }
    }

    private static string Refused(Exception exception) => $"<throws {Kind(exception)}>";

    // The serializer wraps some writer failures; what matters is that both refuse the value for the same reason.
    private static string Kind(Exception exception) => exception switch
    {
        JsonException => nameof(JsonException),
        ArgumentException => nameof(ArgumentException),
        InvalidOperationException => nameof(InvalidOperationException),
        _ => exception.GetType().Name,
    };

    private static int FirstDifference(string expected, string actual)
    {
        var i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i])
        {
            i++;
        }

        return i;
    }

    /// <summary>The value as C# would print it, with every non-ASCII or control character spelled out.</summary>
    private static string Describe<T>(T value)
    {
        var text = value switch
        {
            null => "null",
            double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        var shown = new StringBuilder();
        foreach (var c in text.Length > 2000 ? text[..2000] + "…" : text)
        {
            shown.Append(c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return shown.ToString();
    }
}
