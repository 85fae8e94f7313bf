using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Blobs;
using HiiaPublish.Azure.Search;
using HiiaPublish.Azure.Storage;
using HiiaPublish.Azure.Tests.Support;
using HiiaPublish.Format;
using HiiaPublish.Format.Common;
using HiiaPublish.Site.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace HiiaPublish.Azure.Tests;

/// <summary>
/// The deployed site's search: papers published into a `$web` container on Azurite, the index step run over it as
/// the Functions timer runs it, and the container's blobs served to Chromium, which searches as a reader does.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SiteSearchIndexerTests(AzuriteFixture azurite) : IDisposable
{
    private const string Origin = "http://web.test/";
    private readonly string _cache = Path.Combine(Path.GetTempPath(), $"hiia-search-test-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_cache)) Directory.Delete(_cache, recursive: true);
    }

    private sealed record Site(BlobContainerClient Web, CountingSiteStore Store, CountingSiteStore Private);

    private async Task<Site> PublishTwoPapersAsync()
    {
        var web = azurite.NewContainer("web");
        var store = new CountingSiteStore(new BlobSiteStore(web));
        var privateStore = new CountingSiteStore(new BlobSiteStore(azurite.NewContainer("search")));
        var publisher = SiteFixture.Publisher();
        await publisher.PublishAsync(TestPapers.Request(English("The Caspian ferries carry the corridor's freight.")), store, CancellationToken.None);
        await publisher.PublishAsync(TestPapers.Request(Hungarian()), store, CancellationToken.None);
        store.Reset();
        return new Site(web, store, privateStore);
    }

    private static Perspective English(string sentence) => TestPapers.Paper(slug: "middle-corridor", title: "The Middle Corridor",
        subtitle: null, keywords: ["Transport"], abstractText: "Trade across the Caspian is growing.",
        body: [new Paragraph(10, EquatableList.Of<Inline>(new Text(sentence)))], footnotes: []);

    private static Perspective Hungarian() => TestPapers.Paper(slug: "kozepso-folyoso", title: "A középső folyosó", subtitle: null,
        language: PaperLanguage.Hungarian, keywords: ["Közlekedés"], abstractText: "A Kaszpi-tengeren át nő a kereskedelem.",
        body: [new Paragraph(10, EquatableList.Of<Inline>(new Text("A kompjáratok viszik a folyosó áruit.")))], footnotes: []);

    private SiteSearchIndexer Indexer(Site site, Func<string?>? pagefind = null) =>
        new(site.Store, site.Private, _cache, NullLogger.Instance, pagefind);

    private static async Task<Dictionary<string, string>> IndexFilesAsync(BlobContainerClient web)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in web.GetBlobsAsync(new global::Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = SiteSearchIndexer.IndexPrefix }))
            files[blob.Name] = blob.Properties.ETag!.Value.ToString("H");
        return files;
    }

    [Fact]
    public async Task AfterTheStep_ChromiumSearchingTheWebContainer_FindsAWordOfEachPaper_InItsLanguage()
    {
        var site = await PublishTwoPapersAsync();

        var run = await Indexer(site).RunAsync(CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Built, run.Outcome);
        Assert.Equal(2, run.Pages);
        Assert.Equal(2, run.PagesDownloaded);
        var files = await IndexFilesAsync(site.Web);
        Assert.Contains(SiteSearchIndexer.EntryPath, files.Keys);
        // The entry is the last write, so no reader gets one naming a file not yet there.
        Assert.Equal(SiteSearchIndexer.EntryPath, site.Store.WrittenPaths.Last());
        var entry = JsonDocument.Parse((await site.Web.GetBlobClient(SiteSearchIndexer.EntryPath).DownloadContentAsync()).Value.Content.ToString());
        foreach (var language in entry.RootElement.GetProperty("languages").EnumerateObject())
            Assert.Contains($"{SiteSearchIndexer.IndexPrefix}pagefind.{language.Value.GetProperty("hash").GetString()}.pf_meta", files.Keys);

        Assert.Contains("perspectives/2026/middle-corridor/", await SearchAsync(site.Web, "index.html", "ferries"));
        Assert.Contains("perspectives/2026/kozepso-folyoso/", await SearchAsync(site.Web, "hu/index.html", "kompjáratok"));
    }

    [Fact]
    public async Task ASecondRun_WithNothingChanged_ReadsNoPage_AndWritesNothing()
    {
        var site = await PublishTwoPapersAsync();
        await Indexer(site).RunAsync(CancellationToken.None);
        site.Store.Reset();
        site.Private.Reset();

        var again = await Indexer(site).RunAsync(CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Unchanged, again.Outcome);
        Assert.Equal(0, site.Store.Writes + site.Store.Deletes + site.Private.Writes);
        Assert.Equal(0, site.Store.Reads);
        Assert.Equal(1, site.Store.Listings);
    }

    [Fact]
    public async Task ACorrection_DownloadsOnlyItsPage_UploadsOnlyNewFiles_AndTheOldFragmentsGoOneRunLater()
    {
        var site = await PublishTwoPapersAsync();
        await Indexer(site).RunAsync(CancellationToken.None);
        var first = await IndexFilesAsync(site.Web);
        await SiteFixture.Publisher().PublishAsync(TestPapers.Request(English("The Caspian tankers carry the corridor's oil."), revisionSource: "r2"),
            site.Store, CancellationToken.None);
        site.Store.Reset();

        var corrected = await Indexer(site).RunAsync(CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Built, corrected.Outcome);
        Assert.Equal(["perspectives/2026/middle-corridor/index.html"], site.Store.ReadPaths);
        // One index holds both languages (PagefindIndexer.IndexLanguage), a fragment per paper page. Only the corrected
        // paper's fragment is new; the Hungarian paper's did not change and is not uploaded again.
        static bool IsFragment(string path) => path.StartsWith("pagefind/fragment/", StringComparison.Ordinal);
        var firstFragments = first.Keys.Where(IsFragment).ToList();
        Assert.Equal(2, firstFragments.Count);
        Assert.Single(site.Store.WrittenPaths, IsFragment);
        var second = await IndexFilesAsync(site.Web);
        Assert.All(firstFragments, p => Assert.Contains(p, second.Keys)); // a reader mid-search still finds the old fragment
        Assert.Contains("perspectives/2026/middle-corridor/", await SearchAsync(site.Web, "index.html", "tankers"));

        site.Store.Reset();
        var later = await Indexer(site).RunAsync(CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.CleanedUp, later.Outcome);
        var third = await IndexFilesAsync(site.Web);
        // The corrected paper's old fragment is gone one run later; the unchanged paper's fragment stays.
        Assert.Single(firstFragments, p => !third.ContainsKey(p));
        Assert.Equal(0, site.Store.Writes + site.Store.Reads);
        // Exactly the first build's files that the second no longer uses are gone, every other one is still there.
        Assert.Equal(first.Keys.Except(third.Keys).Count(), later.FilesDeleted);
        Assert.Equal(second.Keys.Except(third.Keys).Order(), first.Keys.Except(third.Keys).Order());
        Assert.Empty(await SearchAsync(site.Web, "index.html", "ferries"));
        Assert.Equal(SearchIndexOutcome.Unchanged, (await Indexer(site).RunAsync(CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task ASiteWithoutPapers_IsNotAFailure_AndNothingIsWritten()
    {
        var site = new InMemorySiteStore();
        var privateStore = new InMemorySiteStore();
        await site.WriteAsync("index.html", "<p>No papers yet.</p>"u8.ToArray(), new SiteObjectProperties("text/html; charset=utf-8", "public, max-age=300"),
            WriteCondition.None, default);

        var run = await new SiteSearchIndexer(site, privateStore, _cache, NullLogger.Instance).RunAsync(CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Unchanged, run.Outcome);
        Assert.Contains("no paper pages", run.Message);
        Assert.Equal(1, site.Writes);
        Assert.Equal(0, privateStore.Writes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("/bin/false")]
    public async Task AFailingPagefind_LeavesThePagefindFolderUntouched_AndTheNextRunBuilds(string? binary)
    {
        var site = await PublishTwoPapersAsync();
        await Indexer(site).RunAsync(CancellationToken.None);
        var before = await IndexFilesAsync(site.Web);
        await SiteFixture.Publisher().PublishAsync(TestPapers.Request(English("The Caspian tankers carry the corridor's oil."), revisionSource: "r2"),
            site.Store, CancellationToken.None);
        site.Store.Reset();
        site.Private.Reset();

        var spans = new List<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == HiiaPublish.Workflow.WorkflowTelemetry.SourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) spans.Add(activity); },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        var failed = await Indexer(site, () => binary).RunAsync(CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Failed, failed.Outcome);
        // What an operator sees in Application Insights: a failed span saying why.
        System.Diagnostics.Activity span;
        lock (spans) span = Assert.Single(spans, s => s.OperationName == SiteSearchIndexer.ActivityName);
        Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, span.Status);
        Assert.StartsWith("search index not built", span.StatusDescription);
        Assert.Equal("failed", span.GetTagItem(HiiaPublish.Workflow.WorkflowTelemetry.OutcomeTag));
        Assert.StartsWith("search index not built", failed.Message);
        Assert.Equal(before, await IndexFilesAsync(site.Web));
        Assert.Equal(0, site.Store.Writes + site.Store.Deletes + site.Private.Writes);
        Assert.Contains("perspectives/2026/middle-corridor/", await SearchAsync(site.Web, "index.html", "ferries"));

        var retried = await Indexer(site).RunAsync(CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Built, retried.Outcome);
        Assert.Contains("perspectives/2026/middle-corridor/", await SearchAsync(site.Web, "index.html", "tankers"));
    }

    /// <summary>
    /// The result links Chromium shows after typing <paramref name="word"/> into the header's search box of
    /// <paramref name="startPage"/>, every request answered from the container's blobs with their stored content type.
    /// </summary>
    private static async Task<List<string>> SearchAsync(BlobContainerClient web, string startPage, string word)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Find() ?? throw new InvalidOperationException("chromium is not installed. Run scripts/install-deps.sh."),
            Headless = true, Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync();
        await context.RouteAsync(Origin + "**", async route =>
        {
            var path = Uri.UnescapeDataString(new Uri(route.Request.Url).AbsolutePath.TrimStart('/'));
            if (path.Length == 0 || path.EndsWith('/')) path += "index.html";
            var blob = web.GetBlobClient(path);
            if (!(await blob.ExistsAsync()).Value)
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 404, Body = "not found" });
                return;
            }
            var content = (await blob.DownloadContentAsync()).Value;
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = content.Details.ContentType, BodyBytes = content.Content.ToArray() });
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);
        await page.GotoAsync(Origin + startPage);
        await page.FillAsync("#site-search", word);
        await page.PressAsync("#site-search", "Enter");
        // Pagefind's message reads "Searching for …..." (in the page's language) until the search has answered, then
        // gives the count, which starts with a digit when there are results ("1 result…", "1 db találat…").
        await page.WaitForFunctionAsync("() => { const m = document.querySelector('.pagefind-ui__message'); return m && m.textContent.trim().length > 0 && !m.textContent.trim().endsWith('...'); }",
            null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        var message = (await page.Locator(".pagefind-ui__message").TextContentAsync() ?? "").Trim();
        // The count comes before the results' fragments are loaded: wait for the links it announces.
        if (char.IsAsciiDigit(message[0]))
            await page.Locator(".pagefind-ui__result-link").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        var hrefs = await page.Locator(".pagefind-ui__result-link").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.Empty(errors);
        Directory.CreateDirectory(RepositoryPaths.Output("search-azure"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Output("search-azure"), $"search-{word}.png") });
        return hrefs.Select(h => h.StartsWith(Origin, StringComparison.Ordinal) ? h[Origin.Length..] : h).ToList();
    }
}

/// <summary>A site store that counts what reaches the one it wraps, so a test can see what a run read and wrote.</summary>
internal sealed class CountingSiteStore(ISiteStore inner) : ISiteStore
{
    private readonly ConcurrentQueue<string> _reads = new(), _writes = new(), _deletes = new();
    private int _listings;

    public int Reads => _reads.Count;
    public int Writes => _writes.Count;
    public int Deletes => _deletes.Count;
    public int Listings => _listings;
    public IReadOnlyList<string> ReadPaths => _reads.Order(StringComparer.Ordinal).ToList();
    public IReadOnlyList<string> WrittenPaths => _writes.ToList();

    public void Reset()
    {
        _reads.Clear();
        _writes.Clear();
        _deletes.Clear();
        _listings = 0;
    }

    public Task<SiteObject?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        _reads.Enqueue(path);
        return inner.ReadAsync(path, cancellationToken);
    }

    public Task<SiteObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken) => inner.GetInfoAsync(path, cancellationToken);

    public Task<SiteWriteResult> WriteAsync(string path, byte[] content, SiteObjectProperties properties, WriteCondition condition, CancellationToken cancellationToken)
    {
        _writes.Enqueue(path);
        return inner.WriteAsync(path, content, properties, condition, cancellationToken);
    }

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _listings);
        return inner.ListAsync(prefix, cancellationToken);
    }

    public IAsyncEnumerable<SiteListEntry> ListEntriesAsync(string prefix, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _listings);
        return inner.ListEntriesAsync(prefix, cancellationToken);
    }

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        _deletes.Enqueue(path);
        return inner.DeleteAsync(path, cancellationToken);
    }
}
