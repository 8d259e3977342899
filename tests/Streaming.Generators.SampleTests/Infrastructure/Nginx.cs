using System.Text.RegularExpressions;

namespace Streaming.Generators.SampleTests.Infrastructure;

/// <summary>
/// Debian's nginx in front of the sample, on a free 127.0.0.1 port, with its pid, logs and temp files in a
/// folder of its own. The site is written as for port 80 and an upstream on 127.0.0.1:5000; only those
/// addresses are changed (to one <c>server</c> line per upstream when there are several).
/// </summary>
public sealed partial class Nginx : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly DirectoryInfo _prefix;

    private Nginx(ChildProcess process, DirectoryInfo prefix, int port)
    {
        _process = process;
        _prefix = prefix;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public string ErrorLog => File.ReadAllText(Path.Combine(_prefix.FullName, "error.log"));

    /// <summary>nginx's defaults: HTTP/1.0 to the upstream, response buffering on.</summary>
    public const string BareProxyPass = """
        server {
            listen 80;
            location / {
                proxy_pass http://127.0.0.1:5000;
            }
        }
        """;

    /// <summary>The nginx configuration that docs/deployment.md shows.</summary>
    public static string DocumentedConfiguration()
    {
        var page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "deployment.md"));
        var block = NginxBlock().Match(page);
        Assert.True(block.Success, "docs/deployment.md has no ```nginx block.");
        return block.Groups["config"].Value;
    }

    public static async Task<Nginx> StartAsync(string site, params Uri[] upstreams)
    {
        var executable = RequiredTool.Find("nginx", "/usr/sbin/nginx");
        var prefix = Directory.CreateTempSubdirectory("nginx-");
        var port = FreePort.Next();
        if (upstreams.Length > 1)
        {
            // The upstream's one server line, with its parameters, once per instance.
            Assert.Matches(UpstreamServer(), site);
            site = UpstreamServer().Replace(site, line => string.Join("\n    ",
                upstreams.Select(upstream => line.Value.Replace("127.0.0.1:5000", $"127.0.0.1:{upstream.Port}"))));
        }

        site = site
            .Replace("127.0.0.1:5000", $"127.0.0.1:{upstreams[0].Port}")
            .Replace("listen 80;", $"listen 127.0.0.1:{port};");
        var temp = prefix.FullName;
        File.WriteAllText(Path.Combine(temp, "nginx.conf"), $$"""
            # One process in the foreground, as the user running the tests; everything it writes stays in {{temp}}.
            daemon off;
            master_process off;
            pid {{temp}}/nginx.pid;
            error_log {{temp}}/error.log info;
            events { worker_connections 64; }
            http {
                access_log {{temp}}/access.log;
                client_body_temp_path {{temp}}/client_body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
            {{site}}
            }
            """);

        var process = ChildProcess.Start(executable, ["-p", temp, "-c", Path.Combine(temp, "nginx.conf"), "-e", Path.Combine(temp, "error.log")]);
        var nginx = new Nginx(process, prefix, port);
        try
        {
            await SampleServer.WaitForHttpAsync(nginx.BaseAddress, process, TimeSpan.FromSeconds(30), anyStatus: true);
            return nginx;
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _prefix.Delete(recursive: true);
    }

    [GeneratedRegex(@"server 127\.0\.0\.1:5000\b[^;]*;")]
    private static partial Regex UpstreamServer();

    [GeneratedRegex("```nginx\n(?<config>.*?)```", RegexOptions.Singleline)]
    private static partial Regex NginxBlock();
}
