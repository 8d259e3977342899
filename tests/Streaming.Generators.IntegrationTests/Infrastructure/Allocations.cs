namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>What this thread allocates in steady state.</summary>
public static class Allocations
{
    /// <summary>
    /// The bytes this thread allocates in the quietest of up to <paramref name="passes"/> runs of
    /// <paramref name="pass"/>. A method the tiered JIT promotes during a pass can allocate once on this thread;
    /// an allocation per item shows in every pass, so the quietest pass is the steady state.
    /// </summary>
    public static long QuietestPass(Action pass, int passes = 5)
    {
        var quietest = long.MaxValue;
        for (var run = 0; run < passes && quietest != 0; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            pass();
            quietest = Math.Min(quietest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return quietest;
    }
}
