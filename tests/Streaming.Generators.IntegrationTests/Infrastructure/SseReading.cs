using System.Net.ServerSentEvents;
using System.Text;

namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>Reads SSE back with <see cref="SseParser"/>, and checks the raw lines a body is made of.</summary>
public static class SseReading
{
    public static List<SseItem<string>> Parse(byte[] body)
        => SseParser.Create(new MemoryStream(body)).Enumerate().ToList();

    public static List<SseItem<string>> Parse(string body) => Parse(Encoding.UTF8.GetBytes(body));

    /// <summary>
    /// Every line of <paramref name="body"/> (split at LF only, as we write them) is a field we meant to write
    /// (<c>data: </c>, <c>event: </c>, <c>id: </c>, <c>retry: </c>), a heartbeat comment or the blank line that
    /// ends an event, and no line holds a CR: nothing else can start a field or an event.
    /// </summary>
    public static void AssertOnlyOurLines(string body)
    {
        Assert.EndsWith("\n\n", body, StringComparison.Ordinal);
        var lines = body[..^1].Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            Assert.False(line.Contains('\r', StringComparison.Ordinal), $"Line {i} holds a CR: {line}");
            Assert.True(
                line.Length == 0 || line == ": heartbeat" || line.StartsWith("data: ", StringComparison.Ordinal)
                || line.StartsWith("event: ", StringComparison.Ordinal) || line.StartsWith("id: ", StringComparison.Ordinal)
                || line.StartsWith("retry: ", StringComparison.Ordinal),
                $"Line {i} is not one we write: {line}");
        }
    }

    /// <summary>Text as a client reads it back from data lines: every line break becomes LF.</summary>
    public static string Normalize(string? text)
        => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
