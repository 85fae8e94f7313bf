using Microsoft.Playwright;

namespace HiiaPublish.Review.Tests.Support;

/// <summary>One `hiia serve` and one headless Debian chromium for all browser tests; each test gets fresh contexts.</summary>
public sealed class DeskFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    /// <summary>Git-ignored (/tests/output/): screenshots for a person to look at.</summary>
    public static readonly string ScreenshotFolder = RepositoryPaths.Output("review");
    // Quiet, self-contained and CI-safe: no sandbox (containers), no GPU, no calls home, no first-run pages.
    private static readonly string[] LaunchArguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private IPlaywright? _playwright;

    public DeskServer Server { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath, Headless = true, Args = LaunchArguments,
        });
        Directory.CreateDirectory(Path.Combine(ScreenshotFolder, "window"));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DeskCollection : ICollectionFixture<DeskFixture>
{
    public const string Name = "review desk";
}
