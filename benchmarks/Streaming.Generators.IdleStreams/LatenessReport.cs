namespace Streaming.Generators.IdleStreams;

/// <summary>Merges the clients' lateness files: percentiles over every heartbeat of every stream.</summary>
public static class LatenessReport
{
    public static int Run(string[] files)
    {
        var all = files.SelectMany(File.ReadLines).Select(int.Parse).Order().ToArray();
        if (all.Length == 0)
        {
            Console.WriteLine("heartbeats=0");
            return 1;
        }

        int At(double q) => all[Math.Min(all.Length - 1, (int)(q * all.Length))];
        Console.WriteLine($"heartbeats={all.Length} lateness_ms p50={At(0.50)} p99={At(0.99)} max={all[^1]} min={all[0]}");
        return 0;
    }
}
