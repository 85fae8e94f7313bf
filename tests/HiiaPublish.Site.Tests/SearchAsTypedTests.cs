using System.Security.Cryptography;
using System.Text;
using Deque.AxeCore.Playwright;
using HiiaPublish.Format;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Site.Search;
using HiiaPublish.Site.Tests.Support;
using Microsoft.Playwright;

namespace HiiaPublish.Site.Tests;

/// <summary>
/// The search page as a reader types into it (Chromium, the folder served as static hosting): while the reader pauses,
/// the page's index module (assets/search/pagefind.js) searches the word typed last and fetches its first results'
/// data, so that when PagefindUI asks after its debounce the answer is there. What the reader sees must not change:
/// the results of the last word typed, never those of a word typed past, and never a version a correction superseded.
/// </summary>
public class SearchAsTypedTests : IAsyncLifetime
{
    private const string MiddleCorridor = "/perspectives/2026/middle-corridor/";
    private const string KozepsoFolyoso = "/perspectives/2026/kozepso-folyoso/";
    private readonly SampleSite _site = new();
    private BrowserSession _chromium = null!;

    public async Task InitializeAsync()
    {
        await _site.PublishAllAsync();
        Assert.True(_site.Search!.Built, _site.Search.Message);
        _chromium = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        _site.Dispose();
    }

    [Fact]
    public async Task TypedKeyByKey_TheResultsAreTheLastWordsOnly_ThenTheNextWordsOnly()
    {
        await using var context = await ServedAsync();
        var page = await ReadySearchPageAsync(context);
        var box = page.Locator(".pagefind-ui__search-input");

        // Slow enough between keys for a guess at a part-word ("ferr", "ferri") to start while typing goes on.
        await box.PressSequentiallyAsync("ferries", new LocatorPressSequentiallyOptions { Delay = 150 });
        Assert.Equal([MiddleCorridor], await ResultsAsync(page, "ferries"));

        await box.FillAsync("");
        await box.PressSequentiallyAsync("kompjáratok", new LocatorPressSequentiallyOptions { Delay = 150 });
        Assert.Equal([KozepsoFolyoso], await ResultsAsync(page, "kompjáratok"));
    }

    [Fact]
    public async Task APausedWord_HasItsFirstResultsFetchedBeforeTheSearchAsks_AndTheSearchListsWhatAFreshPageLists()
    {
        await using var context = await ServedAsync();
        var fragments = new List<string>();
        context.Request += (_, request) =>
        {
            var path = new Uri(request.Url).AbsolutePath;
            if (path.StartsWith("/pagefind/fragment/", StringComparison.Ordinal)) lock (fragments) fragments.Add(path);
        };
        var page = await ReadySearchPageAsync(context);
        lock (fragments) fragments.Clear(); // the warm-up's one page

        // What PagefindUI calls on each keystroke, awaited here: it returns once the guess is over.
        await page.EvaluateAsync("async () => (await import('/assets/search/pagefind.js')).preload('ferries')");
        string[] fetchedWhilePaused;
        lock (fragments) fetchedWhilePaused = [.. fragments];
        Assert.NotEmpty(fetchedWhilePaused);

        var listed = await ModuleSearchAsync(page, "ferries");
        lock (fragments) Assert.Equal(fetchedWhilePaused, fragments); // the search and its results' data fetched nothing more
        Assert.Contains(MiddleCorridor, listed);

        // A page that never preloaded lists the same papers in the same order.
        var fresh = await ReadySearchPageAsync(context);
        Assert.Equal(await ModuleSearchAsync(fresh, "ferries"), listed);
    }

    [Fact]
    public async Task AfterACorrection_APausedWordIsAnsweredWithoutTheSupersededVersion()
    {
        await PublishCorrectionAsync("quillwort");
        await using var context = await ServedAsync();
        var page = await ReadySearchPageAsync(context);
        var box = page.Locator(".pagefind-ui__search-input");

        await box.PressSequentiallyAsync("ferries", new LocatorPressSequentiallyOptions { Delay = 150 });
        Assert.DoesNotContain(MiddleCorridor, await ResultsAsync(page, "ferries")); // the base's old version is dropped

        await box.FillAsync("");
        await box.PressSequentiallyAsync("quillwort", new LocatorPressSequentiallyOptions { Delay = 150 });
        Assert.Equal([MiddleCorridor], await ResultsAsync(page, "quillwort")); // once, from the segment
    }

    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task TypedKeyByKey_TheResultsShownHaveNoAxeViolations_DesktopAndPhone(int width, string name)
    {
        await using var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        await StaticHosting.ServeAsync(context, _site.Folder);
        var page = await ReadySearchPageAsync(context);

        await page.Locator(".pagefind-ui__search-input").PressSequentiallyAsync("corridor", new LocatorPressSequentiallyOptions { Delay = 150 });
        Assert.Contains(MiddleCorridor, await ResultsAsync(page, "corridor"));

        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
        // The notes' long URLs in the excerpts break inside the column: the page never scrolls sideways.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"the search results are wider than the {width} px window");
        Directory.CreateDirectory(RepositoryPaths.Output("site-search"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Output("site-search"), $"typed-{name}.png"), FullPage = true });
    }

    [Fact]
    public async Task AWordAskedAgain_ListsTheSameAsTheFirstTime()
    {
        await using var context = await ServedAsync();
        var page = await ReadySearchPageAsync(context);

        var first = await ModuleSearchAsync(page, "corridor");
        var second = await ModuleSearchAsync(page, "corridor");

        Assert.Contains(MiddleCorridor, first);
        Assert.Equal(first, second);
    }

    // --- publishing a correction (the English sample with every "ferry"/"ferries" gone, one of them now `word`) ---

    private async Task PublishCorrectionAsync(string word)
    {
        var file = Path.Combine(RepositoryPaths.Samples, "middle-corridor", "middle-corridor.md");
        var replaced = false;
        var text = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(file), "[Ff]err(y|ies)", _ =>
        {
            if (replaced) return "vessels";
            replaced = true;
            return word;
        });
        var assets = new FolderDraftAssets(Path.GetDirectoryName(file)!);
        var parsed = new PerspectiveParser().Parse(new DraftSource(file, Encoding.UTF8.GetBytes(text), assets));
        Assert.True(parsed.Perspective is not null, string.Join("\n", parsed.Diagnostics));
        var at = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var request = PublicationRequest.FromDraft(parsed.Perspective!, TestPapers.FakePdf("middle-corridor"), pageCount: 9,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("middle-corridor/corrected"))), at, assets, file);
        var update = await _site.PublishAndIndexAsync(request);
        Assert.Equal(SearchUpdateKind.Segment, update.Kind);
    }

    // --- searching ---

    private async Task<IBrowserContext> ServedAsync()
    {
        var context = await _chromium.Browser.NewContextAsync();
        await StaticHosting.ServeAsync(context, _site.Folder);
        return context;
    }

    private static async Task<IPage> ReadySearchPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(StaticHosting.Origin + "search/index.html");
        await page.Locator("#search[data-search-ready]").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        return page;
    }

    /// <summary>The paper URLs the page's index module answers for <paramref name="word"/>, with the first five results' data loaded as PagefindUI loads them.</summary>
    private static Task<string[]> ModuleSearchAsync(IPage page, string word) =>
        page.EvaluateAsync<string[]>(@"async (q) => {
            const index = await import('/assets/search/pagefind.js');
            const search = await index.search(q);
            const data = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
            return data.map(d => new URL(d.url, location.href).pathname);
        }", word);

    /// <summary>
    /// Once the page says how many results there are for <paramref name="word"/> and each shown result has its link: the
    /// shown results' own links, in order.
    /// </summary>
    private static async Task<string[]> ResultsAsync(IPage page, string word)
    {
        await page.WaitForFunctionAsync(@"q => {
                const message = (document.querySelector('.pagefind-ui__message')?.textContent ?? '').trim();
                const results = [...document.querySelectorAll('.pagefind-ui__result')];
                return message.includes(q) && !/(\.\.\.|…)$/.test(message) && results.every(r => r.querySelector('.pagefind-ui__result-link'));
            }", word, new PageWaitForFunctionOptions { Timeout = 20_000 });
        return await page.Locator(".pagefind-ui__result").EvaluateAllAsync<string[]>(
            "results => results.map(r => new URL(r.querySelector('.pagefind-ui__result-link').href).pathname)");
    }
}
