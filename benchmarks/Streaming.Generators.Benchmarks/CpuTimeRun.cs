using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace Streaming.Generators.Benchmarks;

/// <summary>
/// The micro-benchmarks of one class measured side by side on a busy machine: the same BenchmarkDotNet methods,
/// interleaved round by round (every way runs once per round, in a new order each round), each timed by the CPU
/// time of its own thread (<c>CLOCK_THREAD_CPUTIME_ID</c>) rather than the wall clock, so time spent waiting for a
/// core that other processes hold is not counted. Prints, per way, the median over the rounds, the spread (lowest
/// and highest round) and the ratio of medians to the baseline.
/// </summary>
public static class CpuTimeRun
{
    /// <param name="parameters"><c>Name=value</c> for each <c>[Params]</c> property to set before the set-up.</param>
    public static int Run(string className, int rounds, double secondsPerRound, IEnumerable<string> parameters)
    {
        var type = typeof(CpuTimeRun).Assembly.GetTypes().SingleOrDefault(t => t.Name == className)
            ?? throw new ArgumentException($"No benchmark class {className}.");
        var instance = Activator.CreateInstance(type)!;
        foreach (var parameter in parameters)
        {
            var (name, value) = (parameter[..parameter.IndexOf('=')], parameter[(parameter.IndexOf('=') + 1)..]);
            var property = type.GetProperty(name) ?? throw new ArgumentException($"{className} has no property {name}.");
            property.SetValue(instance, Convert.ChangeType(value, property.PropertyType, CultureInfo.InvariantCulture));
            className += $" ({name}={value})";
        }

        foreach (var setup in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null))
        {
            setup.Invoke(instance, null);
        }

        var ways = type.GetMethods()
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<BenchmarkAttribute>()))
            .Where(w => w.Attribute is not null)
            .Select(w => new Way(w.Attribute!.Description ?? w.Method.Name, w.Attribute.Baseline, Math.Max(1, w.Attribute.OperationsPerInvoke), Invoker(instance, w.Method)))
            .ToList();

        // Warm-up: every way long enough to reach its final JIT tier.
        foreach (var way in ways)
        {
            Time(way, secondsPerRound);
        }

        var random = new Random(20261130);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var way in ways.OrderBy(_ => random.Next()))
            {
                way.Samples.Add(Time(way, secondsPerRound));
            }
        }

        var baseline = ways.SingleOrDefault(w => w.IsBaseline) ?? ways[0];
        Console.WriteLine($"{className}: {rounds} interleaved rounds, thread CPU time per operation, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine("| way | median | lowest round | highest round | ratio to the baseline (medians) | process CPU time per operation (all threads) | GC pauses per operation | collections per operation (gen0/1/2) | JIT on this thread per operation |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var way in ways)
        {
            Console.WriteLine($"| {way.Name} | {Format(way.Median)} | {Format(way.Samples.Min())} | {Format(way.Samples.Max())} | {(way.Median / baseline.Median).ToString("0.000", CultureInfo.InvariantCulture)} | {Format(way.ProcessCpu.TotalNanoseconds / way.Operations)} | {Format(way.GcPause.TotalNanoseconds / way.Operations)} | {string.Join("/", way.Collections.Select(c => ((double)c / way.Operations).ToString("0.00", CultureInfo.InvariantCulture)))} | {Format(way.Jit.TotalNanoseconds / way.Operations)} |");
        }

        return 0;
    }

    /// <summary>A direct call: no reflection in the timed loop, and a returned task is waited for.</summary>
    private static Action Invoker(object instance, MethodInfo method)
    {
        if (method.ReturnType == typeof(void))
        {
            return method.CreateDelegate<Action>(instance);
        }

        if (method.ReturnType == typeof(Task))
        {
            var run = method.CreateDelegate<Func<Task>>(instance);
            return () => run().GetAwaiter().GetResult();
        }

        return () => method.Invoke(instance, null);
    }

    /// <summary>Runs <paramref name="way"/> for about <paramref name="seconds"/> of CPU time; returns the CPU nanoseconds per operation.</summary>
    private static double Time(Way way, double seconds)
    {
        var budget = (long)(seconds * 1e9);
        long calls = 0;
        var processCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var gcPause = GC.GetTotalPauseDuration();
        var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: true);
        var start = ThreadCpuNanoseconds();
        long spent;
        do
        {
            way.Run();
            calls++;
            spent = ThreadCpuNanoseconds() - start;
        }
        while (spent < budget);

        // Measured rounds only (the warm-up round is not a sample): what of the time was the GC's and the JIT's.
        if (way.Samples.Count > 0 || way.WarmedUp)
        {
            way.ProcessCpu += Process.GetCurrentProcess().TotalProcessorTime - processCpu;
            way.GcPause += GC.GetTotalPauseDuration() - gcPause;
            for (var generation = 0; generation < 3; generation++)
            {
                way.Collections[generation] += GC.CollectionCount(generation) - collections[generation];
            }

            way.Jit += System.Runtime.JitInfo.GetCompilationTime(currentThread: true) - jit;
            way.Operations += calls * way.OperationsPerInvoke;
        }

        way.WarmedUp = true;
        return (double)spent / (calls * way.OperationsPerInvoke);
    }

    private static string Format(double nanoseconds)
        => nanoseconds >= 1e6 ? $"{(nanoseconds / 1e6).ToString("0.00", CultureInfo.InvariantCulture)} ms" : $"{nanoseconds.ToString("0.0", CultureInfo.InvariantCulture)} ns";

    private static long ThreadCpuNanoseconds()
    {
        const int ThreadCpuTimeClock = 3;
        return clock_gettime(ThreadCpuTimeClock, out var time) == 0 ? (time.Seconds * 1_000_000_000) + time.Nanoseconds : throw new InvalidOperationException("clock_gettime failed.");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private sealed record Way(string Name, bool IsBaseline, int OperationsPerInvoke, Action Run)
    {
        public List<double> Samples { get; } = [];

        public bool WarmedUp { get; set; }

        public long Operations { get; set; }

        /// <summary>CPU time of every thread of the process while this way ran: with server GC, the collections run on the GC's own threads.</summary>
        public TimeSpan ProcessCpu { get; set; }

        /// <summary>The process's GC pauses while this way ran (a gen0 or gen1 collection stops this thread too).</summary>
        public TimeSpan GcPause { get; set; }

        /// <summary>Collections of each generation while this way ran.</summary>
        public long[] Collections { get; } = new long[3];

        /// <summary>Time the JIT spent compiling on this way's thread (tier-0 code on first calls), not on the background tier-up thread.</summary>
        public TimeSpan Jit { get; set; }

        public double Median
        {
            get
            {
                var sorted = Samples.Order().ToList();
                return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
            }
        }
    }
}
