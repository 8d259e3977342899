using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Streaming.Generators.IdleStreams;

/// <summary>
/// Holds idle SSE streams over raw sockets (a few hundred bytes each, so that the client is not what runs out):
/// each connection is bound to one of several loopback source addresses, since one address has only ~64 000
/// ports. Writes each heartbeat's lateness (the gap since the previous event, less the interval) to a file.
/// </summary>
public static class IdleClients
{
    private static readonly byte[] Request = "GET /idle HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"u8.ToArray();

    public static async Task<int> RunAsync(string[] args)
    {
        var ports = args[0].Split(',').Select(int.Parse).ToArray();
        var streams = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var sources = args[2].Split(',').Select(IPAddress.Parse).ToArray();
        var hold = TimeSpan.FromSeconds(double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
        var interval = TimeSpan.FromSeconds(double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture));
        var latenessFile = args[5];

        var lateness = new int[streams * (int)(hold / interval + 4)];
        var samples = 0;
        var opened = 0;
        var failedToOpen = 0;
        var closedByServer = 0;
        using var stop = new CancellationTokenSource();
        var sockets = new Socket[streams];
        var connecting = new SemaphoreSlim(200);
        var watch = Stopwatch.StartNew();

        async Task HoldAsync(int i)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            sockets[i] = socket;
            var buffer = new byte[256];
            try
            {
                socket.Bind(new IPEndPoint(sources[i % sources.Length], 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, ports[i % ports.Length]), stop.Token);
                await socket.SendAsync(Request, stop.Token);
                var head = new StringBuilder();
                while (!head.ToString().Contains("data: ", StringComparison.Ordinal))
                {
                    var n = await socket.ReceiveAsync(buffer, stop.Token);
                    if (n == 0)
                    {
                        throw new IOException("closed before the first event");
                    }

                    head.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }

                if (!head.ToString().StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
                {
                    throw new IOException(head.ToString());
                }
            }
            catch (Exception exception) when (!stop.IsCancellationRequested)
            {
                if (Interlocked.Increment(ref failedToOpen) <= 3)
                {
                    Console.Error.WriteLine($"stream {i}: {exception.Message}");
                }

                socket.Dispose();
                return;
            }
            finally
            {
                connecting.Release();
            }

            Interlocked.Increment(ref opened);
            var last = Stopwatch.GetTimestamp();
            try
            {
                while (true)
                {
                    var n = await socket.ReceiveAsync(buffer, stop.Token);
                    if (n == 0)
                    {
                        Interlocked.Increment(ref closedByServer);
                        return;
                    }

                    if (buffer.AsSpan(0, n).IndexOf(": heartbeat"u8) >= 0)
                    {
                        var now = Stopwatch.GetTimestamp();
                        var late = Stopwatch.GetElapsedTime(last, now) - interval;
                        last = now;
                        var slot = Interlocked.Increment(ref samples) - 1;
                        if (slot < lateness.Length)
                        {
                            lateness[slot] = (int)late.TotalMilliseconds;
                        }
                    }
                }
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception)
            {
                Interlocked.Increment(ref closedByServer);
            }
        }

        var holding = new List<Task>(streams);
        for (var i = 0; i < streams; i++)
        {
            await connecting.WaitAsync();
            holding.Add(HoldAsync(i));
        }

        // Every connection has answered (opened or failed) once all permits are back.
        for (var i = 0; i < 200; i++)
        {
            await connecting.WaitAsync();
        }

        var openTime = watch.Elapsed;
        Console.WriteLine($"opened={opened} failed={failedToOpen} open_seconds={openTime.TotalSeconds:F1}");
        await Task.Delay(hold);
        var stillOpen = opened - Volatile.Read(ref closedByServer);
        await stop.CancelAsync();
        foreach (var socket in sockets)
        {
            socket?.Dispose();
        }

        await Task.WhenAll(holding);
        var count = Math.Min(samples, lateness.Length);
        await File.WriteAllLinesAsync(latenessFile, lateness.Take(count).Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Console.WriteLine($"held={stillOpen} closed_by_server={closedByServer} heartbeats={count}");
        return 0;
    }
}
