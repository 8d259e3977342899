using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Xunit;

namespace Streaming.Generators.Tests.Infrastructure;

/// <summary>
/// Approved-file snapshots: the text must equal <c>Snapshots/{name}.verified.cs</c> in this project. On a
/// mismatch the new text is written to <c>{name}.received.cs</c> for review; set
/// <c>STREAMING_ACCEPT_SNAPSHOTS=1</c> to approve it.
/// </summary>
internal static class Snapshot
{
    private const string AcceptVariable = "STREAMING_ACCEPT_SNAPSHOTS";

    private static readonly string SnapshotDirectory = typeof(Snapshot).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SnapshotDirectory").Value!;

    public static void Match(string actual, string name)
    {
        var directory = SnapshotDirectory;
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        actual = actual.ReplaceLineEndings("\n");

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No approved snapshot {verified}. Review {received}; run with {AcceptVariable}=1 to approve it."
            : $"Snapshot {name} changed; review {received} and run with {AcceptVariable}=1 to approve it.\n{Diff(expected, actual)}");
    }

    /// <summary>The first differing lines with a little context, enough to see what changed.</summary>
    private static string Diff(string expected, string actual)
    {
        var before = expected.Split('\n');
        var after = actual.Split('\n');
        var first = 0;
        while (first < before.Length && first < after.Length && before[first] == after[first])
        {
            first++;
        }

        var text = new StringBuilder($"First difference at line {first + 1}:\n");
        for (var i = Math.Max(0, first - 2); i < Math.Min(Math.Max(before.Length, after.Length), first + 4); i++)
        {
            if (i < before.Length && (i >= after.Length || before[i] != after[i]))
            {
                text.Append("- ").AppendLine(before[i]);
            }

            if (i < after.Length && (i >= before.Length || before[i] != after[i]))
            {
                text.Append("+ ").AppendLine(after[i]);
            }

            if (i < before.Length && i < after.Length && before[i] == after[i])
            {
                text.Append("  ").AppendLine(before[i]);
            }
        }

        return text.ToString();
    }
}
