using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Streaming.Generators.Benchmarks;

/// <summary>
/// Runs one benchmark method in a loop for a while, for a sampling profiler to attach to: for example
/// <c>DOTNET_PerfMapEnabled=1 perf record -g dotnet Streaming.Generators.Benchmarks.dll spin CsvRowBenchmarks.Generated 10</c>.
/// </summary>
public static class Spin
{
    public static int Run(string name, int seconds)
    {
        var parts = name.Split('.');
        var type = typeof(Spin).Assembly.GetTypes().SingleOrDefault(t => t.Name == parts[0])
            ?? throw new ArgumentException($"No benchmark class {parts[0]}.");
        var method = type.GetMethod(parts[1]) ?? throw new ArgumentException($"{type.Name} has no method {parts[1]}.");
        var instance = Activator.CreateInstance(type)!;
        foreach (var setup in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null))
        {
            setup.Invoke(instance, null);
        }

        // A benchmark that returns its result (so it is not optimized away) runs through reflection: its calls take milliseconds.
        var run = method.ReturnType == typeof(void)
            ? (Action)Delegate.CreateDelegate(typeof(Action), instance, method)
            : () => method.Invoke(instance, null);
        var stopwatch = Stopwatch.StartNew();
        long calls = 0;
        while (stopwatch.Elapsed.TotalSeconds < seconds)
        {
            run();
            calls++;
        }

        Console.WriteLine($"{type.Name}.{method.Name}: {calls:N0} calls in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
