using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests.Streams;

/// <summary>The <c>Format.Text</c> streams the integration tests call over HTTP.</summary>
public static class TextStreams
{
    /// <summary>Random tokens, as a model would produce them, from an async producer that sometimes waits.</summary>
    [Stream(Format.Text, "/text/tokens")]
    public static async IAsyncEnumerable<string> Tokens(int seed, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 5 == 0)
            {
                await Task.Yield();
            }

            yield return Token(seed, i);
        }
    }

    /// <summary>Slices of one large text, without a string per slice.</summary>
    [Stream(Format.Text, "/text/chunks")]
    public static IEnumerable<ReadOnlyMemory<char>> Chunks(int seed, int size)
    {
        var text = LargeText(seed).AsMemory();
        for (var start = 0; start < text.Length; start += size)
        {
            yield return text.Slice(start, Math.Min(size, text.Length - start));
        }
    }

    [Stream(Format.Text, "/text/gated/{run}")]
    public static IAsyncEnumerable<string> Gated(string run, ProducerProbes probes, CancellationToken cancellationToken)
        => Producers.Gated(probes[run], GatedToken, cancellationToken);

    [Stream(Format.Text, "/text/failing")]
    public static IAsyncEnumerable<string> Failing(int after, bool wait = true) => Producers.FailingAfter(after, GatedToken, wait);

    public static string Token(int seed, int index)
    {
        var random = HostileText.For(seed, index);
        return random.Next(50) == 0 ? HostileText.Long(random) : HostileText.Next(random, 3);
    }

    public static string GatedToken(int index) => $"token {index}😀 ";

    /// <summary>Text whose slices split nothing but whole characters: no slice ends inside a surrogate pair.</summary>
    public static string LargeText(int seed) => string.Concat(Enumerable.Range(0, 5000).Select(i => Token(seed, i).Replace("😀", "é", StringComparison.Ordinal)));
}
