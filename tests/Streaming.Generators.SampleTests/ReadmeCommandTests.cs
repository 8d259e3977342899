using System.Net.Sockets;
using System.Text.Json;
using Streaming.Generators.SampleTests.Infrastructure;

namespace Streaming.Generators.SampleTests;

/// <summary>README.md's "Try it" commands, run from the repository root exactly as written.</summary>
public sealed class ReadmeCommandTests
{
    [Fact]
    public async Task The_readme_run_command_serves_the_sample_and_its_curl_command_streams_orders()
    {
        var commands = Readme.CommandsUnder("Try it");
        Assert.True(commands.Count >= 2, "README.md's 'Try it' should show the run command, then a curl command.");
        var (run, curl) = (commands[0], commands[1]);
        Assert.StartsWith("dotnet run", run);
        Assert.StartsWith("curl", curl);
        Assert.False(IsListening(5000), "Port 5000, which the README's command uses, is already taken; stop what listens there.");

        // A small database in a temp folder, so the first start seeds in well under a second.
        var database = Directory.CreateTempSubdirectory("orders-readme-");
        try
        {
            await using var sample = ChildProcess.Start("bash", ["-c", run], Repository.Root, new Dictionary<string, string?>
            {
                ["Database__Path"] = Path.Combine(database.FullName, "orders.db"),
                ["Database__SeedRows"] = "10000",
            });
            await SampleServer.WaitForHttpAsync(new Uri("http://localhost:5000/"), sample, TimeSpan.FromMinutes(5));

            using var client = new HttpClient();
            Assert.Contains("Order feed", await client.GetStringAsync("http://localhost:5000/"));

            var lines = (await ChildProcess.RunAsync("bash", ["-c", curl], TimeSpan.FromSeconds(60))).StandardOutput
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal([1L, 2L, 3L, 4L, 5L], lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetInt64()));
        }
        finally
        {
            database.Delete(recursive: true);
        }
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
