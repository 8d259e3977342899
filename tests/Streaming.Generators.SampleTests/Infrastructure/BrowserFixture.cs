namespace Streaming.Generators.SampleTests.Infrastructure;

/// <summary>One headless Chromium for the tests of a class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public Chromium Browser { get; private set; } = null!;

    public async Task InitializeAsync() => Browser = await Chromium.LaunchAsync();

    public async Task DisposeAsync() => await Browser.DisposeAsync();
}
