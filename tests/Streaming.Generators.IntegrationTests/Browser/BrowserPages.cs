using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Streaming.Generators.IntegrationTests.Browser;

/// <summary>The page the browser test opens, and the endpoint its script reports to.</summary>
public static class BrowserPages
{
    public static void MapBrowserPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/browser/page/{run}", (string run) => Results.Content(Page(run), "text/html; charset=utf-8"));
        endpoints.MapPost("/browser/report/{run}", async (string run, HttpRequest request, BrowserRuns runs) =>
        {
            using var reader = new StreamReader(request.Body);
            runs[run].Report.TrySetResult(await reader.ReadToEndAsync());
            return Results.NoContent();
        });
    }

    /// <summary>Listens with <c>EventSource</c>, records every event and error, and posts them once <c>done</c> arrives.</summary>
    private static string Page(string run) => $$"""
        <!doctype html>
        <html>
        <head><meta charset="utf-8"><title>EventSource</title></head>
        <body>
        <script>
        const run = "{{Uri.EscapeDataString(run)}}";
        const ticks = [];
        const errors = [];
        const source = new EventSource("/browser/ticks/" + run);
        source.addEventListener("tick", e => ticks.push({ id: e.lastEventId, data: e.data, parsed: JSON.parse(e.data) }));
        source.addEventListener("error", () => errors.push(source.readyState));
        source.addEventListener("done", () => {
          source.close();
          fetch("/browser/report/" + run, { method: "POST", body: JSON.stringify({ ticks, errors }) });
        });
        </script>
        </body>
        </html>
        """;
}
