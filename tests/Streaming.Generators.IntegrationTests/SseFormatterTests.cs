using System.Buffers;
using System.Net.ServerSentEvents;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generated.Streaming.Generators.IntegrationTests.Streams;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests;

/// <summary>The SSE formatters' defences, where no well-behaved producer can reach them: forged fields and half-written events.</summary>
public sealed class SseFormatterTests
{
    [Theory]
    [InlineData("_eventType", "tick\nevent: forged")]
    [InlineData("_eventType", "tick\rdata: forged")]
    [InlineData("_eventId", "7\n\ndata: forged")]
    [InlineData("_eventId", "7\0")]
    [InlineData("_eventType", "tick\0")]
    public void A_forged_event_type_or_id_with_a_line_break_or_NUL_is_refused_before_any_byte_of_its_event(string field, string value)
    {
        // SseItem<T> refuses line breaks itself; only reflection can put one there.
        object boxed = new SseItem<string>("payload", "tick") { EventId = "7" };
        typeof(SseItem<string>).GetField(field, BindingFlags.Instance | BindingFlags.NonPublic)!.SetValue(boxed, value);
        var formatter = new SseTextItemFormatter();
        var output = new ArrayBufferWriter<byte>();

        var exception = Assert.Throws<InvalidOperationException>(() => formatter.WriteItem(output, (SseItem<string>)boxed));

        Assert.Equal(0, output.WrittenCount);
        Assert.True(formatter.TryWriteFailure(output, exception, includeDetails: false));
        var events = SseReading.Parse(output.WrittenSpan.ToArray());
        Assert.Equal("error", Assert.Single(events).EventType);
    }

    [Fact]
    public void A_failure_in_the_middle_of_an_event_is_not_completed_as_if_nothing_happened()
    {
        var formatter = new SseJsonFormatter<Reading, HalfWrittenReading>();
        var output = new ArrayBufferWriter<byte>();
        formatter.WriteItem(output, Reading.Create(1));

        var exception = Assert.Throws<InvalidOperationException>(() => formatter.WriteItem(output, Reading.Create(2)));

        // Part of the event may be out; ending the stream normally would complete it: the response is aborted.
        Assert.False(formatter.TryWriteFailure(output, exception, includeDetails: false));
    }

    [Fact]
    public void In_development_the_error_event_carries_the_exception_message_one_data_line_per_line()
    {
        var formatter = new SseJsonFormatter<Reading, ReadingJsonWriter>();
        var output = new ArrayBufferWriter<byte>();
        formatter.WriteItem(output, Reading.Create(1));

        Assert.True(formatter.TryWriteFailure(output, new InvalidOperationException("line one\r\nevent: forged\rline three"), includeDetails: true));

        var text = Encoding.UTF8.GetString(output.WrittenSpan);
        Assert.EndsWith("\n\nevent: error\ndata: line one\ndata: event: forged\ndata: line three\n\n", text, StringComparison.Ordinal);
        var events = SseReading.Parse(output.WrittenSpan.ToArray());
        Assert.Equal(["message", "error"], events.Select(e => e.EventType));
        Assert.Equal("line one\nevent: forged\nline three", events[1].Data);
    }

    /// <summary>Writes the start of a reading, and for any but the first, throws halfway.</summary>
    private sealed class HalfWrittenReading : IJsonItemWriter<Reading>
    {
        public static void Write(ref JsonOutput output, Reading value)
        {
            output.WriteRaw("{\"sequence\":"u8);
            output.WriteNumber(value.Sequence);
            if (value.Sequence > 1)
            {
                output.Commit();
                throw new InvalidOperationException("The writer failed halfway.");
            }

            output.WriteRaw("}"u8);
        }
    }
}
