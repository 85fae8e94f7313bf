using Microsoft.Playwright;

namespace HiiaPublish.Site.Tests.Support;

/// <summary>Debian's chromium, headless and quiet, as every browser test of the site launches it.</summary>
internal static class HeadlessChromium
{
    // No sandbox (tests run as root in CI) and no background traffic: nothing may leave the machine.
    private static readonly string[] Arguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>Playwright and one browser for a test class: started in its InitializeAsync, disposed in its DisposeAsync.</summary>
    public static async Task<BrowserSession> StartAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try { return new BrowserSession(playwright, await LaunchAsync(playwright)); }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Find() ?? throw new InvalidOperationException("chromium is not installed. Run scripts/install-deps.sh."),
            Headless = true, Args = Arguments,
        });
}

/// <summary>A started Playwright and its Chromium; disposing closes the browser, then Playwright.</summary>
internal sealed record BrowserSession(IPlaywright Playwright, IBrowser Browser) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
    }
}
