using Streaming.Generators.IdleStreams;

return args.FirstOrDefault() switch
{
    "server" => await IdleServer.RunAsync(args[1..]),
    "client" => await IdleClients.RunAsync(args[1..]),
    "report" => LatenessReport.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        server <port>
        client <ports,…> <streams> <source addresses,…> <hold seconds> <heartbeat seconds> <lateness file>
        report <lateness files…>
        (benchmarks/idle-streams.sh runs them together.)
        """);
    return 2;
}
