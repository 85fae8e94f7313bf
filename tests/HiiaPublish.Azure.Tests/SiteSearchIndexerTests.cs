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

    private SiteSearchIndexer Indexer(Site site, Func<string?>? pagefind = null, HiiaPublish.Site.Search.SearchSegmentPolicy? policy = null,
        SearchIndexLockTimes? lockTimes = null) =>
        new(site.Store, site.Private, _cache, NullLogger.Instance, pagefind, policy, lockTimes);

    private static async Task<Dictionary<string, string>> IndexFilesAsync(BlobContainerClient web, string prefix = SiteSearchIndexer.IndexPrefix)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in web.GetBlobsAsync(new global::Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
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
        // The entry is the last index file written, so no reader gets one naming a file not yet there; then the
        // segment manifest, empty, so the search page's request for it is answered (a 404 would be a console error).
        Assert.Equal([SiteSearchIndexer.EntryPath, SiteSearchIndexer.SegmentManifestPath], site.Store.WrittenPaths.TakeLast(2));
        var segments = await SegmentManifestAsync(site.Web);
        Assert.Empty(segments.Segments);
        Assert.Empty(segments.Folded);
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
    public async Task ACorrection_IsASegment_ReadingOnlyItsPage_AndTheOldTextIsNoLongerFound()
    {
        var site = await PublishTwoPapersAsync();
        await Indexer(site).RunAsync(CancellationToken.None);
        var first = await IndexFilesAsync(site.Web);
        await SiteFixture.Publisher().PublishAsync(TestPapers.Request(English("The Caspian tankers carry the corridor's oil."), revisionSource: "r2"),
            site.Store, CancellationToken.None);
        site.Store.Reset();

        var corrected = await Indexer(site).RunAsync(CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Segment, corrected.Outcome);
        Assert.Equal(["perspectives/2026/middle-corridor/index.html"], site.Store.ReadPaths);
        // The base is not touched: Pagefind ran over one page, into a segment the search page merges.
        Assert.Equal(first, await IndexFilesAsync(site.Web));
        Assert.All(site.Store.WrittenPaths.SkipLast(1), p => Assert.StartsWith("pagefind-segments/1/", p));
        Assert.Single(site.Store.WrittenPaths, p => p.StartsWith("pagefind-segments/1/fragment/", StringComparison.Ordinal));
        // The segment's entry before the manifest that names it, the manifest last.
        Assert.Equal("pagefind-segments/1/pagefind-entry.json", site.Store.WrittenPaths[^2]);
        Assert.Equal(SiteSearchIndexer.SegmentManifestPath, site.Store.WrittenPaths[^1]);
        var manifest = await SegmentManifestAsync(site.Web);
        var segment = Assert.Single(manifest.Segments);
        Assert.Equal("pagefind-segments/1/", segment.Bundle);
        Assert.Equal(["/perspectives/2026/middle-corridor/"], segment.Papers);
        // The base's fragment of the paper's first text is the one the search page leaves out.
        Assert.Single(segment.Drop);
        Assert.Contains($"pagefind/fragment/{segment.Drop[0]}.pf_fragment", first.Keys);

        Assert.Contains("perspectives/2026/middle-corridor/", await SearchAsync(site.Web, "index.html", "tankers"));
        Assert.Empty(await SearchAsync(site.Web, "index.html", "ferries"));
        Assert.Contains("perspectives/2026/kozepso-folyoso/", await SearchAsync(site.Web, "hu/index.html", "kompjáratok"));
        site.Store.Reset();
        Assert.Equal(SearchIndexOutcome.Unchanged, (await Indexer(site).RunAsync(CancellationToken.None)).Outcome);
        Assert.Equal(0, site.Store.Writes + site.Store.Reads);
    }

    [Fact]
    public async Task PastTheBound_TheTimerFoldsTheSegments_AndTheirFilesAndTheOldFragmentsGoOneRunLater()
    {
        var site = await PublishTwoPapersAsync();
        var foldAfterOne = new HiiaPublish.Site.Search.SearchSegmentPolicy { FoldAfterSegments = 1 };
        await Indexer(site, policy: foldAfterOne).RunAsync(CancellationToken.None);
        var first = await IndexFilesAsync(site.Web);
        await SiteFixture.Publisher().PublishAsync(TestPapers.Request(English("The Caspian tankers carry the corridor's oil."), revisionSource: "r2"),
            site.Store, CancellationToken.None);
        Assert.Equal(SearchIndexOutcome.Segment, (await Indexer(site, policy: foldAfterOne).RunAsync(CancellationToken.None)).Outcome);
        var segmentFiles = (await IndexFilesAsync(site.Web, SiteSearchIndexer.SegmentsPrefix)).Keys.ToList();
        Assert.NotEmpty(segmentFiles);
        site.Store.Reset();

        // Nothing changed since, but one segment is the bound: the timer folds it into a new base.
        var folded = await Indexer(site, policy: foldAfterOne).RunAsync(CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Built, folded.Outcome);
        Assert.Contains("1 segments folded", folded.Message);
        // The base's new entry, then the manifest that no longer names the segment.
        Assert.Equal([SiteSearchIndexer.EntryPath, SiteSearchIndexer.SegmentManifestPath], site.Store.WrittenPaths.TakeLast(2));
        var manifest = await SegmentManifestAsync(site.Web);
        Assert.Empty(manifest.Segments);
        Assert.Equal([1], manifest.Folded);
        // A reader who opened the page before the fold still finds the segment's files, and the old base's.
        var segmentsAfterFold = await IndexFilesAsync(site.Web, SiteSearchIndexer.SegmentsPrefix);
        var baseAfterFold = await IndexFilesAsync(site.Web);
        Assert.All(segmentFiles, p => Assert.Contains(p, segmentsAfterFold.Keys));
        Assert.All(first.Keys, p => Assert.Contains(p, baseAfterFold.Keys));
        Assert.Contains("perspectives/2026/middle-corridor/", await SearchAsync(site.Web, "index.html", "tankers"));
        Assert.Empty(await SearchAsync(site.Web, "index.html", "ferries"));

        site.Store.Reset();
        var later = await Indexer(site, policy: foldAfterOne).RunAsync(CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.CleanedUp, later.Outcome);
        Assert.Empty(await IndexFilesAsync(site.Web, SiteSearchIndexer.SegmentsPrefix));
        var third = await IndexFilesAsync(site.Web);
        // The corrected paper's old fragment is gone; the unchanged paper's fragment stays.
        var firstFragments = first.Keys.Where(p => p.StartsWith("pagefind/fragment/", StringComparison.Ordinal)).ToList();
        Assert.Single(firstFragments, p => !third.ContainsKey(p));
        Assert.Equal(0, site.Store.Writes + site.Store.Reads);
        Assert.Equal(first.Keys.Except(third.Keys).Count() + segmentFiles.Count, later.FilesDeleted);
        Assert.Contains("perspectives/2026/middle-corridor/", await SearchAsync(site.Web, "index.html", "tankers"));
        Assert.Equal(SearchIndexOutcome.Unchanged, (await Indexer(site, policy: foldAfterOne).RunAsync(CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task APublish_IndexesItsOwnPage_SoTheNewPaperIsFoundBeforeTheTimerRuns()
    {
        var site = await PublishTwoPapersAsync();
        await Indexer(site).RunAsync(CancellationToken.None);
        var third = TestPapers.Paper(slug: "danube-ports", title: "Danube ports", subtitle: null, keywords: ["Transport"],
            abstractText: "River freight is back.", body: [new Paragraph(10, EquatableList.Of<Inline>(new Text("Barges from Vukovar reach Constanța.")))], footnotes: []);
        var published = await SiteFixture.Publisher().PublishAsync(TestPapers.Request(third), site.Store, CancellationToken.None);
        site.Store.Reset();

        var run = await Indexer(site).IndexPublishedAsync(published.WrittenPaths, CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Segment, run.Outcome);
        Assert.Equal(["perspectives/2026/danube-ports/index.html"], site.Store.ReadPaths);
        Assert.Empty(Assert.Single((await SegmentManifestAsync(site.Web)).Segments).Drop); // a new paper replaces nothing
        Assert.Contains("perspectives/2026/danube-ports/", await SearchAsync(site.Web, "index.html", "barges"));
        Assert.Contains("perspectives/2026/middle-corridor/", await SearchAsync(site.Web, "index.html", "ferries"));

        // The timer finds the page indexed already; a retried publish's update finds it so too.
        site.Store.Reset();
        Assert.Equal(SearchIndexOutcome.Unchanged, (await Indexer(site).RunAsync(CancellationToken.None)).Outcome);
        Assert.Equal(SearchIndexOutcome.Unchanged, (await Indexer(site).IndexPublishedAsync(published.WrittenPaths, CancellationToken.None)).Outcome);
        Assert.Equal(0, site.Store.Writes + site.Store.Reads);
    }

    [Fact]
    public async Task TheFirstPublishOfAYoungSite_BuildsTheBase_SoItsPaperIsFoundAtOnce()
    {
        var web = azurite.NewContainer("web");
        var site = new Site(web, new CountingSiteStore(new BlobSiteStore(web)), new CountingSiteStore(new BlobSiteStore(azurite.NewContainer("search"))));
        var published = await SiteFixture.Publisher().PublishAsync(TestPapers.Request(English("The Caspian ferries carry the corridor's freight.")),
            site.Store, CancellationToken.None);

        var run = await Indexer(site).IndexPublishedAsync(published.WrittenPaths, CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Built, run.Outcome);
        Assert.Contains("perspectives/2026/middle-corridor/", await SearchAsync(site.Web, "index.html", "ferries"));
    }

    [Fact]
    public async Task APublishPastTheSegmentsTheTimerHasNotFolded_IsLeftToTheTimer_WhichFindsIt()
    {
        var site = await PublishTwoPapersAsync();
        var foldAfterOne = new HiiaPublish.Site.Search.SearchSegmentPolicy { FoldAfterSegments = 1 };
        await Indexer(site, policy: foldAfterOne).RunAsync(CancellationToken.None);
        for (var round = 2; round <= 3; round++)
        {
            var correction = await SiteFixture.Publisher().PublishAsync(TestPapers.Request(English($"Round {round}: the Caspian tankers carry oil."),
                revisionSource: $"r{round}"), site.Store, CancellationToken.None);
            Assert.Equal(SearchIndexOutcome.Segment, (await Indexer(site, policy: foldAfterOne).IndexPublishedAsync(correction.WrittenPaths, CancellationToken.None)).Outcome);
        }
        var fourth = await SiteFixture.Publisher().PublishAsync(TestPapers.Request(English("The Caspian pipelines carry the corridor's gas."),
            revisionSource: "r4"), site.Store, CancellationToken.None);

        var deferred = await Indexer(site, policy: foldAfterOne).IndexPublishedAsync(fourth.WrittenPaths, CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Deferred, deferred.Outcome);
        Assert.Contains("wait for the timer to fold", deferred.Message);
        Assert.Equal(SearchIndexOutcome.Built, (await Indexer(site, policy: foldAfterOne).RunAsync(CancellationToken.None)).Outcome);
        Assert.Contains("perspectives/2026/middle-corridor/", await SearchAsync(site.Web, "index.html", "pipelines"));
        Assert.Empty(await SearchAsync(site.Web, "index.html", "tankers"));
    }

    [Fact]
    public async Task AWithdrawnPage_IsDroppedFromSearch_ByTheTimersSegment()
    {
        var site = await PublishTwoPapersAsync();
        await Indexer(site).RunAsync(CancellationToken.None);
        Assert.True(await site.Store.DeleteAsync("perspectives/2026/kozepso-folyoso/index.html", CancellationToken.None));

        var run = await Indexer(site).RunAsync(CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Segment, run.Outcome);
        Assert.Contains("0 paper pages, 1 withdrawn", run.Message);
        var segment = Assert.Single((await SegmentManifestAsync(site.Web)).Segments);
        Assert.Null(segment.Bundle);
        Assert.Equal(["/perspectives/2026/kozepso-folyoso/"], segment.Papers);
        Assert.Empty(await SearchAsync(site.Web, "hu/index.html", "kompjáratok"));
        Assert.Contains("perspectives/2026/middle-corridor/", await SearchAsync(site.Web, "index.html", "ferries"));
    }

    [Fact]
    public async Task WhileAnotherUpdateHoldsTheLock_APublishWaits_ThenLeavesItsPaperToTheTimer_AndAStaleLockIsTakenOver()
    {
        var site = await PublishTwoPapersAsync();
        await Indexer(site).RunAsync(CancellationToken.None);
        var correction = await SiteFixture.Publisher().PublishAsync(TestPapers.Request(English("The Caspian tankers carry the corridor's oil."), revisionSource: "r2"),
            site.Store, CancellationToken.None);
        var shortWaits = new SearchIndexLockTimes(TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await HoldLockAsync(site.Private, DateTimeOffset.UtcNow.AddMinutes(10));
        site.Store.Reset();

        var waited = await Indexer(site, lockTimes: shortWaits).IndexPublishedAsync(correction.WrittenPaths, CancellationToken.None);
        var timer = await Indexer(site, lockTimes: shortWaits).RunAsync(CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Deferred, waited.Outcome);
        Assert.Equal(SearchIndexOutcome.Deferred, timer.Outcome);
        Assert.Contains("held the lock", waited.Message);
        Assert.Equal(0, site.Store.Writes);
        Assert.NotNull(await site.Private.ReadAsync("lock.json", CancellationToken.None)); // the holder's lock is left alone

        // A holder that died: its lock's time ran out, and the next update takes it over.
        await HoldLockAsync(site.Private, DateTimeOffset.UtcNow.AddMinutes(-1));
        var taken = await Indexer(site, lockTimes: shortWaits).RunAsync(CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Segment, taken.Outcome);
        Assert.Null(await site.Private.ReadAsync("lock.json", CancellationToken.None)); // and let go of it
        Assert.Contains("perspectives/2026/middle-corridor/", await SearchAsync(site.Web, "index.html", "tankers"));
    }

    [Fact]
    public async Task AManifestFromBeforeSegments_IsRebuiltWhole_ByTheTimer()
    {
        var site = await PublishTwoPapersAsync();
        await Indexer(site).RunAsync(CancellationToken.None);
        // What the last version wrote: page ETags, files and retiring, no base pages or segments.
        var stored = await site.Private.ReadAsync(SiteSearchIndexer.ManifestPath, CancellationToken.None);
        var old = System.Text.Json.Nodes.JsonNode.Parse(stored!.Content)!.AsObject();
        old.Remove("BasePages");
        old.Remove("Segments");
        await site.Private.WriteAsync(SiteSearchIndexer.ManifestPath, System.Text.Encoding.UTF8.GetBytes(old.ToJsonString()),
            new SiteObjectProperties("application/json; charset=utf-8", "no-store"), WriteCondition.None, CancellationToken.None);
        var correction = await SiteFixture.Publisher().PublishAsync(TestPapers.Request(English("The Caspian tankers carry the corridor's oil."), revisionSource: "r2"),
            site.Store, CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Deferred, (await Indexer(site, policy: new() { FoldAfterPapers = 1 })
            .IndexPublishedAsync(correction.WrittenPaths, CancellationToken.None)).Outcome);
        var rebuilt = await Indexer(site).RunAsync(CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Built, rebuilt.Outcome);
        Assert.Contains("perspectives/2026/middle-corridor/", await SearchAsync(site.Web, "index.html", "tankers"));
        Assert.Equal(SearchIndexOutcome.Segment, (await Indexer(site).IndexPublishedAsync(
            (await SiteFixture.Publisher().PublishAsync(TestPapers.Request(English("The Caspian barges carry grain."), revisionSource: "r3"),
                site.Store, CancellationToken.None)).WrittenPaths, CancellationToken.None)).Outcome);
    }

    private static Task HoldLockAsync(ISiteStore privateStore, DateTimeOffset until) =>
        privateStore.WriteAsync("lock.json", System.Text.Encoding.UTF8.GetBytes($$"""{"Owner":"another-host","Until":"{{until:O}}"}"""),
            new SiteObjectProperties("application/json; charset=utf-8", "no-store"), WriteCondition.None, CancellationToken.None);

    private static async Task<HiiaPublish.Site.Search.SegmentManifest> SegmentManifestAsync(BlobContainerClient web)
    {
        var blob = (await web.GetBlobClient(SiteSearchIndexer.SegmentManifestPath).DownloadContentAsync()).Value;
        // What the browser is told: ask again every time, so a new segment is merged as soon as it is named.
        Assert.Equal("no-cache", blob.Details.CacheControl);
        return HiiaPublish.Site.Search.SegmentedSearchIndex.ParseManifest(blob.Content.ToArray()) ?? throw new InvalidOperationException("unreadable manifest");
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
        Assert.Empty(await IndexFilesAsync(site.Web, SiteSearchIndexer.SegmentsPrefix));
        Assert.Equal(0, site.Store.Writes + site.Store.Deletes);
        // Only the update's lock came and went; the manifest the next run compares against is as it was.
        Assert.DoesNotContain(SiteSearchIndexer.ManifestPath, site.Private.WrittenPaths);
        Assert.Contains("perspectives/2026/middle-corridor/", await SearchAsync(site.Web, "index.html", "ferries"));

        var retried = await Indexer(site).RunAsync(CancellationToken.None);

        Assert.Equal(SearchIndexOutcome.Segment, retried.Outcome);
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
        // A file the page asks for and the container lacks (a 404) is a console error too.
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
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
