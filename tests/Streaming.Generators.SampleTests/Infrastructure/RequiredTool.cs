using System.Diagnostics;

namespace Streaming.Generators.SampleTests.Infrastructure;

/// <summary>Finds a program the tests drive. A missing one fails the test and says how to install it — never a skip.</summary>
public static class RequiredTool
{
    public static string Find(string name, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            foreach (var path in Expand(candidate))
            {
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        Assert.Fail($"{name} is not installed. Run `{Repository.InstallScript}` (as root, or with sudo) to install what these tests need.");
        throw new UnreachableException();
    }

    // "/usr/lib/postgresql/*/bin/initdb": the newest installed version first.
    private static IEnumerable<string> Expand(string candidate)
    {
        var star = candidate.IndexOf('*');
        if (star < 0)
        {
            return [candidate];
        }

        var parent = Path.GetDirectoryName(candidate[..star])!;
        var rest = candidate[(candidate.IndexOf('/', star) + 1)..];
        return Directory.Exists(parent)
            ? Directory.GetDirectories(parent).OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0).Select(d => Path.Combine(d, rest))
            : [];
    }
}
