namespace Streaming.Generators.SampleTests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL server from Debian's <c>postgresql</c> package: <c>initdb</c> in a temp folder,
/// <c>postgres</c> on a free 127.0.0.1 port, deleted afterwards. PostgreSQL refuses to run as root, so as root the
/// server runs as the <c>postgres</c> user the package creates (through <c>runuser</c>). Nothing of the
/// machine's own cluster is touched.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private DirectoryInfo _directory = null!;
    private ChildProcess _server = null!;
    private Func<Task> _stop = () => Task.CompletedTask;

    public int Port { get; private set; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    public async Task InitializeAsync()
    {
        var initdb = RequiredTool.Find("initdb", "/usr/lib/postgresql/*/bin/initdb");
        var postgres = Path.Combine(Path.GetDirectoryName(initdb)!, "postgres");
        var asRoot = Environment.UserName == "root";
        var runuser = asRoot ? RequiredTool.Find("runuser", "/usr/sbin/runuser", "/sbin/runuser") : null;

        _directory = Directory.CreateTempSubdirectory("postgres-");
        var data = Path.Combine(_directory.FullName, "data");
        if (asRoot)
        {
            await ChildProcess.RunAsync("chown", ["postgres:postgres", _directory.FullName], TimeSpan.FromSeconds(10));
        }

        await ChildProcess.RunAsync(runuser ?? initdb, AsServerUser(runuser, initdb,
            ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"]), TimeSpan.FromMinutes(2));

        Port = FreePort.Next();
        _server = ChildProcess.Start(runuser ?? postgres, AsServerUser(runuser, postgres,
        [
            "-D", data, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={_directory.FullName}",
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        ]));
        await WaitUntilAcceptingAsync();

        var pgCtl = Path.Combine(Path.GetDirectoryName(initdb)!, "pg_ctl");
        _stop = () => ChildProcess.RunAsync(runuser ?? pgCtl, AsServerUser(runuser, pgCtl, ["-D", data, "-m", "fast", "-w", "stop"]), TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            // A fast shutdown ends the backends and frees shared memory; the kill is only a backstop.
            await _stop();
            await _server.DisposeAsync();
        }

        _directory?.Delete(recursive: true);
    }

    private static IEnumerable<string> AsServerUser(string? runuser, string program, IEnumerable<string> arguments)
        => runuser is null ? arguments : ["-u", "postgres", "--", program, .. arguments];

    private async Task WaitUntilAcceptingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_server.HasExited, $"postgres exited:\n{_server.Output}");
            if (_server.Output.Contains("database system is ready to accept connections", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"postgres did not start within 60 s:\n{_server.Output}");
    }
}
