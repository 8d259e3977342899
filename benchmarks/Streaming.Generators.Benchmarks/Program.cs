using System.Globalization;
using BenchmarkDotNet.Running;
using Streaming.Generators.Benchmarks;
using Streaming.Generators.Benchmarks.EndToEnd;

// Modes (see docs/performance.md):
//   verify                      checks that the benchmarks compare like with like
//   e2e [--items N] [--rounds R] [--warmup N] [--workstation-gc]
//   concurrent [--items N] [--seconds S] [--rounds R] [--workstation-gc]   wrk with 16 and 64 connections
//   latency [--items N] [--workstation-gc]
//   profile [--items N] [--workstation-gc]   where the server's allocations go, per endpoint
//   memory [--small N] [--large N] [--streams N] [--workstation-gc]   peak working set while streaming, and memory
//                               per idle SSE stream over HTTP/1.1 and HTTP/2
//   deployment NATIVE JIT DATABASE [--rounds R]   the sample as a NativeAOT executable and as the JIT build
//                               (Orders.dll): start-up, idle and streaming memory, on copies of a seeded database
//   spin Class.Method [seconds]  runs one micro-benchmark in a loop, for a profiler such as perf
//   cputime Class [rounds] [seconds] [Name=value ...]  one class's benchmarks interleaved round by round, timed by
//                               thread CPU time, with the [Params] properties given
//   detector [--seconds S] [--rounds R] [--launches L] [--workstation-gc]   wrk against an ordinary JSON endpoint
//                               with and without UseBufferedResponseDetection(), and a second server without it as
//                               the control, interleaved rounds, L launches of fresh processes
//   server [--profile-allocations] [--detector]  the Kestrel side of e2e, latency and memory (started by them); with
//                               --profile-allocations, /_allocations samples what the server allocates; with
//                               --detector, the buffered-response detector watches every endpoint
//   anything else               BenchmarkDotNet: per-item JSON, per-row CSV, generator build time
return args.FirstOrDefault() switch
{
    "verify" => Verification.Run(),
    "deployment" => await DeploymentRun.RunAsync(args[1], args[2], args[3], Option("--rounds", 5)),
    "spin" => Spin.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10),
    "cputime" => CpuTimeRun.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15, args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0.5, args.Skip(4)),
    "server" => await BenchServer.RunAsync(args.Contains("--profile-allocations"), args.Contains("--detector")),
    "detector" => await DetectorRun.RunAsync(Option("--seconds", 5), Option("--rounds", 5), Option("--launches", 3), ServerGc()),
    "e2e" => await ThroughputRun.RunAsync(Option("--items", 1_000_000), Option("--rounds", 3), Option("--warmup", 200_000), ServerGc()),
    "concurrent" => await ConcurrentRun.RunAsync(Option("--items", 1_000), Option("--seconds", 10), Option("--rounds", 3), ServerGc()),
    "profile" => await AllocationProfileRun.RunAsync(Option("--items", 300_000), ServerGc()),
    "latency" => await LatencyRun.RunAsync(Option("--items", 2_000), ServerGc()),
    "memory" => await MemoryRun.RunAsync(Option("--small", 100_000), Option("--large", 10_000_000), Option("--streams", 5_000), ServerGc()),
    _ => RunBenchmarkDotNet(args),
};

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

bool ServerGc() => !args.Contains("--workstation-gc");

static int RunBenchmarkDotNet(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Verification).Assembly).Run(args);
    return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
}
