using Deque.AxeCore.Playwright;
using HiiaPublish.Site.Tests.Support;
using Microsoft.Playwright;

namespace HiiaPublish.Site.Tests;

/// <summary>
/// The sample site in Debian's chromium, opened from disk as a reader would after `hiia publish --site`: the Noto
/// faces load from the site itself, axe-core finds nothing, the copy button copies the citation, and screenshots
/// (desktop and 390 px) go to tests/output/site-reader/ for a person to look at.
/// </summary>
public class ReaderSiteBrowserTests(SampleSiteFixture fixture) : IClassFixture<SampleSiteFixture>, IAsyncLifetime
{
    public static readonly TheoryData<string, string> Pages = new()
    {
        { "index", "index.html" },
        { "listing-hu", "hu/index.html" },
        { "paper-en", "perspectives/2026/middle-corridor/index.html" },
        { "paper-hu-twin", "perspectives/2026/kozepso-folyoso/index.html" },
        { "paper-hu", "perspectives/2026/kozep-europai-energiabiztonsag/index.html" },
        { "topic", "topics/global-gateway/index.html" },
        { "author", "authors/anna-kovacs/index.html" },
        { "not-found", "404.html" },
    };

    private BrowserSession _chromium = null!;

    public async Task InitializeAsync()
    {
        _chromium = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoAxeViolations_UsesTheNotoFaces_AndIsScreenshotted(string name, string path)
    {
        var output = RepositoryPaths.Output("site-reader");
        Directory.CreateDirectory(output);
        foreach (var (width, height, suffix) in new[] { (1280, 900, "desktop"), (390, 844, "phone") })
        {
            await using var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
            await page.GotoAsync(fixture.Site.Url(path));
            await page.EvaluateAsync("document.fonts.ready");

            // The browser reports which faces it loaded: the serif and sans the page names, from assets/fonts/.
            var loaded = await page.EvaluateAsync<string[]>(
                "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replace(/\"/g, '') + ' ' + f.weight + ' ' + f.style)");
            Assert.Contains("Noto Serif 400 normal", loaded);
            Assert.Contains("Noto Sans 700 normal", loaded);
            Assert.True(await page.EvaluateAsync<bool>("document.fonts.check('16px \"Noto Serif\"')"), $"{path}: Noto Serif is not usable");
            Assert.Empty(errors);

            var axe = await page.RunAxe();
            Assert.True(axe.Violations.Length == 0, $"{path} ({suffix}): " + string.Join("; ",
                axe.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));

            var png = Path.Combine(output, $"{name}-{suffix}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = png, FullPage = true });
            Assert.True(new FileInfo(png).Length > 20_000, $"the screenshot of {path} looks blank");
            // The first screen, and the end of a paper (download, notes, citation), at a size a person can look at.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(output, $"{name}-{suffix}-first-screen.png") });
            if (await page.QuerySelectorAsync(".download-end") is { } end)
            {
                await end.ScrollIntoViewIfNeededAsync();
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(output, $"{name}-{suffix}-end.png") });
                await (await page.QuerySelectorAsync(".cite"))!.ScrollIntoViewIfNeededAsync();
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(output, $"{name}-{suffix}-cite.png") });
            }
        }
    }

    [Fact]
    public async Task PhoneHeader_KeepsItsLinksOnOneLine_AndTheTitleClearOfTheRule()
    {
        await using var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Site.Url("perspectives/2026/middle-corridor/index.html"));

        var tops = await page.EvaluateAsync<double[]>("[...document.querySelectorAll('.site-header nav a')].map(a => a.getBoundingClientRect().top)");
        Assert.Single(tops.Distinct());
        var gap = await page.EvaluateAsync<double>(
            "document.querySelector('.paper-header .series').getBoundingClientRect().top - document.querySelector('.site-header').getBoundingClientRect().bottom");
        Assert.True(gap >= 16, $"the series label sits {gap} px under the header rule");
        // Brand, links and search box: a compact band, not half the phone's first screen.
        var header = await page.EvaluateAsync<double>("document.querySelector('.site-header').getBoundingClientRect().height");
        Assert.True(header <= 200, $"the phone header is {header} px tall");
    }

    [Fact]
    public async Task CopyButton_CopiesTheCitation_WithoutSoftHyphens()
    {
        await using var context = await _chromium.Browser.NewContextAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Site.Url("perspectives/2026/middle-corridor/index.html"));

        await page.ClickAsync("button.copy-button");
        await page.WaitForFunctionAsync("document.getElementById('copy-status').textContent.length > 0");

        var copied = await page.EvaluateAsync<string>("navigator.clipboard.readText()");
        Assert.StartsWith("Anna Kovács and Dániel Szőke, “The Middle Corridor", copied);
        Assert.EndsWith("https://doi.org/" + SampleSite.EnglishDoi + ".", copied);
        Assert.DoesNotContain('\u00AD', copied);
        Assert.Equal("Citation copied.", await page.TextContentAsync("#copy-status"));
    }
}

/// <summary>
/// Pagefind search on the sample site served as static hosting serves it (every file as is, from one origin; here
/// through Playwright's routing, so no server process is needed): a word of each language finds its paper.
/// </summary>
public class SearchBrowserTests(SampleSiteFixture fixture) : IClassFixture<SampleSiteFixture>, IAsyncLifetime
{
    private const string Origin = "http://site.test/";
    private BrowserSession _chromium = null!;

    public async Task InitializeAsync()
    {
        _chromium = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
    }

    [Theory]
    [InlineData("search/index.html", "served from a web address")]
    [InlineData("hu/search/index.html", "webcímről nyitja meg")]
    public async Task SearchPage_OpenedFromDisk_SaysWhereSearchWorks_InsteadOfABoxThatNeverAnswers(string searchPage, string expected)
    {
        // Chromium refuses Pagefind's index fetches on file:// pages; the reader must be told, not left waiting.
        await using var context = await _chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);
        await page.GotoAsync(fixture.Site.Url(searchPage));

        var box = page.Locator("#search");
        await Assertions.Expect(box).ToContainTextAsync(expected);
        Assert.Equal(0, await page.Locator(".pagefind-ui__search-input").CountAsync());
        Assert.Empty(errors);
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }

    [Theory]
    [InlineData("index.html", "ferries", "perspectives/2026/middle-corridor/")]
    [InlineData("hu/index.html", "kompjáratok", "perspectives/2026/kozepso-folyoso/")]
    [InlineData("hu/index.html", "földgázellátása", "perspectives/2026/kozep-europai-energiabiztonsag/")]
    // Either language's search box searches every paper: a reader of the English pages finds the Hungarian papers too.
    [InlineData("index.html", "kompjáratok", "perspectives/2026/kozepso-folyoso/")]
    [InlineData("hu/index.html", "ferries", "perspectives/2026/middle-corridor/")]
    public async Task HeaderSearch_FindsThePaper_InEachLanguage(string startPage, string word, string expectedPaper)
    {
        Assert.True(fixture.Site.Search!.Built, fixture.Site.Search.Message);
        await using var context = await _chromium.Browser.NewContextAsync();
        await context.RouteAsync(Origin + "**", async route =>
        {
            var path = Uri.UnescapeDataString(new Uri(route.Request.Url).AbsolutePath.TrimStart('/'));
            var file = Path.Combine(fixture.Site.Folder, path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path);
            if (File.Exists(file)) await route.FulfillAsync(new RouteFulfillOptions { Path = file });
            else await route.FulfillAsync(new RouteFulfillOptions { Status = 404, Path = Path.Combine(fixture.Site.Folder, "404.html") });
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);
        await page.GotoAsync(Origin + startPage);

        await page.FillAsync("#site-search", word);
        await page.PressAsync("#site-search", "Enter");
        var result = page.Locator(".pagefind-ui__result-link").First;
        await result.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

        var hrefs = await page.Locator(".pagefind-ui__result-link").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.Contains(hrefs, h => h.StartsWith(Origin + expectedPaper, StringComparison.Ordinal));
        Assert.Empty(errors);
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
        Directory.CreateDirectory(RepositoryPaths.Output("site-reader"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Output("site-reader"), $"search-{word}.png") });
    }
}
