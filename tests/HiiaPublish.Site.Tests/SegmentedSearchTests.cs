using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using HiiaPublish.Format;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Site.Search;
using HiiaPublish.Site.Tests.Support;
using Microsoft.Playwright;

namespace HiiaPublish.Site.Tests;

/// <summary>
/// The search index of a folder site as a base plus per-publish segments: a publish after the first indexes only the
/// papers it wrote, the search page (Chromium, the folder served as static hosting) finds them with the rest, a
/// correction is no longer found by the words it dropped, and past the bound everything folds into a new base.
/// </summary>
public class SegmentedSearchTests : IAsyncLifetime
{
    private const string NewWord = "zephyranthes";
    private const string CorrectedWord = "quillwort";
    private static readonly string[] MiddleCorridor = ["/perspectives/2026/middle-corridor/"];
    private readonly SampleSite _site = new();
    private BrowserSession _chromium = null!;
    private DateTimeOffset _at = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

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
    public async Task OnePaperMore_BuildsOnlyASegment_AndSearchFindsItAndTheOthers()
    {
        var before = Snapshot(Path.Combine(_site.Folder, PagefindIndexer.OutputFolder));
        Assert.NotEmpty(before);

        var update = await PublishAsync(NewPaper());

        Assert.Equal(SearchUpdateKind.Segment, update.Kind);
        Assert.Contains("segment 1 of 1 paper page", update.Message);
        Assert.Equal(before, Snapshot(Path.Combine(_site.Folder, PagefindIndexer.OutputFolder))); // not one base file rewritten
        var segment = Assert.Single(SegmentedSearchIndex.ReadManifest(_site.Folder).Segments);
        Assert.Equal("pagefind-segments/1/", segment.Bundle);
        Assert.Equal(new[] { "/perspectives/2026/caspian-ports-note/" }, segment.Papers);
        Assert.Empty(segment.Drop); // a new paper supersedes nothing
        Assert.True(File.Exists(Path.Combine(_site.Folder, "pagefind-segments", "1", "pagefind-entry.json")));

        await using var context = await ServedAsync();
        Assert.Contains("/perspectives/2026/caspian-ports-note/", await SearchAsync(context, NewWord));
        Assert.Contains("/perspectives/2026/middle-corridor/", await SearchAsync(context, "ferries"));
        Assert.Contains("/perspectives/2026/kozepso-folyoso/", await SearchAsync(context, "kompjáratok"));
    }

    [Fact]
    public async Task ACorrectionThatDropsAWord_IsNoLongerFoundByIt_ButByItsNewWord()
    {
        await using var context = await ServedAsync();
        Assert.Contains("/perspectives/2026/middle-corridor/", await SearchAsync(context, "ferries"));

        var update = await PublishAsync(Corrected());


        Assert.Equal(SearchUpdateKind.Segment, update.Kind);
        var segment = Assert.Single(SegmentedSearchIndex.ReadManifest(_site.Folder).Segments);
        Assert.Single(segment.Drop); // the base's version of the paper
        var ferries = await SearchAsync(context, "ferries");
        Assert.DoesNotContain("/perspectives/2026/middle-corridor/", ferries);
        var found = await SearchAsync(context, CorrectedWord);
        Assert.Equal(MiddleCorridor, found); // once, though the base still holds its old version
        // A word both versions have finds the paper once.
        Assert.Single(await SearchAsync(context, "Trans-Caspian"), url => url == "/perspectives/2026/middle-corridor/");
    }

    [Fact]
    public async Task ASecondCorrection_SupersedesTheFirstSegmentToo_AndRevertingBringsBackWhatWasDropped()
    {
        await PublishAsync(Corrected());
        await PublishAsync(Corrected(word: "bladderwrack"));
        await using var context = await ServedAsync();
        Assert.Empty(await SearchAsync(context, CorrectedWord));
        Assert.Equal(MiddleCorridor, await SearchAsync(context, "bladderwrack"));

        // Published again exactly as first: its fragment is the base's again, which no segment may still drop.
        await PublishAsync(Sample("middle-corridor"));
        Assert.Equal(MiddleCorridor, await SearchAsync(context, "ferries"));
        Assert.Empty(await SearchAsync(context, "bladderwrack"));
    }

    [Fact]
    public async Task PastTheBound_TheBaseIsRebuilt_TheSegmentsGo_AndSearchFindsTheSame()
    {
        var policy = new SearchSegmentPolicy { FoldAfterSegments = 2 };
        Assert.Equal(SearchUpdateKind.Segment, (await PublishAsync(NewPaper(), policy)).Kind);
        Assert.Equal(SearchUpdateKind.Segment, (await PublishAsync(Corrected(), policy)).Kind);
        await using (var context = await ServedAsync())
        {
            Assert.Contains("/perspectives/2026/caspian-ports-note/", await SearchAsync(context, NewWord));
            Assert.Equal(MiddleCorridor, await SearchAsync(context, CorrectedWord));
        }
        var oldEntry = File.ReadAllText(Path.Combine(_site.Folder, "pagefind", "pagefind-entry.json"));

        var third = await PublishAsync(Corrected(word: "bladderwrack"), policy);

        Assert.Equal(SearchUpdateKind.Folded, third.Kind);
        Assert.Contains("2 segments reached the bound of 2", third.Message);
        var manifest = SegmentedSearchIndex.ReadManifest(_site.Folder);
        Assert.Empty(manifest.Segments);
        Assert.Equal(new[] { 1, 2 }, manifest.Folded);
        Assert.Empty(Directory.GetDirectories(Path.Combine(_site.Folder, "pagefind-segments")));
        Assert.NotEqual(oldEntry, File.ReadAllText(Path.Combine(_site.Folder, "pagefind", "pagefind-entry.json")));
        // Every file the new entry names is there, and nothing of the old base is left over.
        var entry = JsonDocument.Parse(File.ReadAllText(Path.Combine(_site.Folder, "pagefind", "pagefind-entry.json")));
        var hash = entry.RootElement.GetProperty("languages").GetProperty("en").GetProperty("hash").GetString();
        Assert.Single(Directory.GetFiles(Path.Combine(_site.Folder, "pagefind"), "*.pf_meta"), f => f.EndsWith($"pagefind.{hash}.pf_meta", StringComparison.Ordinal));

        await using var after = await ServedAsync();
        Assert.Contains("/perspectives/2026/caspian-ports-note/", await SearchAsync(after, NewWord));
        Assert.Equal(MiddleCorridor, await SearchAsync(after, "bladderwrack"));
        Assert.Empty(await SearchAsync(after, CorrectedWord));
        Assert.Contains("/perspectives/2026/kozepso-folyoso/", await SearchAsync(after, "kompjáratok"));

        // The next publish starts a new segment, under a number no browser has cached.
        var next = await PublishAsync(NewPaper(word: "hornwort"), policy);
        Assert.Equal(3, next.SegmentId);
    }

    [Fact]
    public async Task AManifestNamingAMissingSegment_StillSearchesWhatExists_AndRaisesNoError()
    {
        await PublishAsync(NewPaper());
        await PublishAsync(Corrected());
        // As if a mirror had not copied segment 1 yet, or a fold deleted it after the page read the manifest.
        Directory.Delete(Path.Combine(_site.Folder, "pagefind-segments", "1"), recursive: true);

        await using var context = await ServedAsync();
        var errors = new List<string>();
        context.Page += (_, page) => page.PageError += (_, message) => errors.Add(message);

        Assert.Equal(MiddleCorridor, await SearchAsync(context, CorrectedWord));
        Assert.Contains("/perspectives/2026/kozepso-folyoso/", await SearchAsync(context, "kompjáratok"));
        Assert.Empty(await SearchAsync(context, NewWord)); // only segment 1 had it
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ACoverImagesFileName_FindsNoPaper()
    {
        // Pagefind searches a result's metadata too, and took the cover's file name as its image: a word sharing its
        // first letters with "img-fe3b….png" ("ferries" once the paper no longer had it) found the paper.
        var cover = System.Text.RegularExpressions.Regex.Match(_site.Read("perspectives/2026/middle-corridor/index.html"), "img-([0-9a-f]{12})\\.").Groups[1].Value;
        Assert.NotEmpty(cover);
        await using var context = await ServedAsync();
        Assert.Empty(await SearchAsync(context, cover));
        Assert.Empty(await SearchAsync(context, cover[..2] + "xyzzy"));
    }

    [Fact]
    public async Task APagefindThatFails_LeavesTheSitesSearchAsItWas_AndSaysSo()
    {
        await PublishAsync(NewPaper());
        var manifest = File.ReadAllBytes(Path.Combine(_site.Folder, SegmentedSearchIndex.ManifestPath));
        var failing = new SearchSegmentPolicy { LocatePagefind = () => "/bin/false" };

        var update = await PublishAsync(Corrected(), failing);

        Assert.Equal(SearchUpdateKind.Failed, update.Kind);
        Assert.Contains("exit code 1", update.Message);
        Assert.Contains("search is as it was", update.Message);
        Assert.Equal(manifest, File.ReadAllBytes(Path.Combine(_site.Folder, SegmentedSearchIndex.ManifestPath)));
        Assert.Equal(new[] { "1" }, Directory.GetDirectories(Path.Combine(_site.Folder, "pagefind-segments")).Select(Path.GetFileName));
        // The paper itself is published: its page has the new word.
        Assert.Contains(CorrectedWord, _site.Read("perspectives/2026/middle-corridor/index.html"));
    }

    [Fact]
    public async Task AWithdrawnPaper_IsASegmentWithNothingToMerge_AndSearchNoLongerFindsIt()
    {
        const string page = "perspectives/2026/kozepso-folyoso/index.html";
        await using var context = await ServedAsync();
        Assert.Contains("/perspectives/2026/kozepso-folyoso/", await SearchAsync(context, "kompjáratok"));
        File.Delete(Path.Combine(_site.Folder, page));

        var update = await SegmentedSearchIndex.UpdateAsync(_site.Folder, [page]);

        Assert.Equal(SearchUpdateKind.Segment, update.Kind);
        Assert.Contains("0 paper pages, 1 withdrawn", update.Message);
        var segment = Assert.Single(SegmentedSearchIndex.ReadManifest(_site.Folder).Segments);
        Assert.Null(segment.Bundle);
        Assert.Single(segment.Drop);
        // The search page applies a bundle-less segment's drops, with nothing to merge.
        Assert.DoesNotContain("/perspectives/2026/kozepso-folyoso/", await SearchAsync(context, "kompjáratok"));
        Assert.Contains("/perspectives/2026/middle-corridor/", await SearchAsync(context, "ferries"));
    }

    [Fact]
    public async Task NothingPublished_ChangesNothing()
    {
        var manifestBefore = File.Exists(Path.Combine(_site.Folder, SegmentedSearchIndex.ManifestPath));
        var update = await SegmentedSearchIndex.UpdateAsync(_site.Folder, ["index.html", "feed.xml"]);
        Assert.Equal(SearchUpdateKind.Unchanged, update.Kind);
        Assert.Equal(manifestBefore, File.Exists(Path.Combine(_site.Folder, SegmentedSearchIndex.ManifestPath)));
        Assert.False(Directory.Exists(Path.Combine(_site.Folder, "pagefind-segments", "1")));
    }

    [Fact]
    public async Task TheSearchPage_LoadsTheIndexWhenItOpens_AndTheHeaderBoxWhenFocused()
    {
        await PublishAsync(NewPaper());
        await using var context = await ServedAsync();

        // The search page: Pagefind's WebAssembly and every segment's metadata arrive before any query is typed.
        var requested = new List<string>();
        // On the context: Pagefind fetches from its worker, whose requests the page does not report.
        context.Request += (_, request) => requested.Add(new Uri(request.Url).AbsolutePath);
        var page = await context.NewPageAsync();
        await page.GotoAsync(StaticHosting.Origin + "search/index.html");
        await page.Locator("#search[data-search-ready]").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Contains(requested, p => p.EndsWith("/pagefind-segments/1/pagefind-entry.json", StringComparison.Ordinal));
        Assert.Contains(requested, p => p.StartsWith("/pagefind-segments/1/pagefind.en_", StringComparison.Ordinal) && p.EndsWith(".pf_meta", StringComparison.Ordinal));
        Assert.Contains(requested, p => p.StartsWith("/pagefind/pagefind.en_", StringComparison.Ordinal) && p.EndsWith(".pf_meta", StringComparison.Ordinal));
        Assert.Equal(0, await page.Locator(".pagefind-ui__result").CountAsync());

        // Any other page: nothing of the index until the header's box gets focus, then its files.
        var paper = await context.NewPageAsync();
        var fetched = new List<string>();
        paper.Request += (_, request) => fetched.Add(new Uri(request.Url).AbsolutePath);
        await paper.GotoAsync(StaticHosting.Origin + "perspectives/2026/middle-corridor/index.html");
        Assert.DoesNotContain(fetched, p => p.StartsWith("/pagefind/", StringComparison.Ordinal));
        var wasm = paper.WaitForRequestFinishedAsync(new PageWaitForRequestFinishedOptions
        {
            Predicate = r => r.Url.EndsWith("/pagefind/wasm.en.pagefind", StringComparison.Ordinal), Timeout = 10_000,
        });
        await paper.FocusAsync("#site-search");
        await wasm;
        await paper.WaitForRequestFinishedAsync(new PageWaitForRequestFinishedOptions
        {
            Predicate = r => r.Url.Contains("/pagefind/pagefind.en_", StringComparison.Ordinal), Timeout = 10_000,
        });
    }

    [Theory]
    [InlineData("search/index.html", 1280, "desktop")]
    [InlineData("search/index.html", 390, "phone")]
    [InlineData("hu/search/index.html", 390, "phone-hu")]
    public async Task TheSearchPageWithSegments_HasNoAxeViolations_DesktopAndPhone(string searchPage, int width, string name)
    {
        await PublishAsync(NewPaper());
        await PublishAsync(Corrected());
        await using var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        await StaticHosting.ServeAsync(context, _site.Folder);
        var page = await context.NewPageAsync();
        await page.GotoAsync(StaticHosting.Origin + searchPage + "?q=" + Uri.EscapeDataString(CorrectedWord));
        await ResultsShownAsync(page, CorrectedWord);

        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
        Directory.CreateDirectory(RepositoryPaths.Output("site-search"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Output("site-search"), $"segmented-{name}.png"), FullPage = true });
    }

    // --- publishing ---

    private async Task<SearchUpdate> PublishAsync(Perspective paper, SearchSegmentPolicy? policy = null)
    {
        var slug = paper.Metadata.Slug!;
        var assets = new FolderDraftAssets(Path.Combine(RepositoryPaths.Samples, "middle-corridor"));
        var request = PublicationRequest.FromDraft(paper, TestPapers.FakePdf(slug), pageCount: 9,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(slug + "/" + _at.UtcTicks))), _at, assets,
            Path.Combine(RepositoryPaths.Samples, "middle-corridor", "middle-corridor.md"));
        _at = _at.AddMinutes(5);
        return await _site.PublishAndIndexAsync(request, policy);
    }

    private static Perspective NewPaper(string word = NewWord) => Sample("middle-corridor", source => source
        .Replace("slug: middle-corridor", "slug: caspian-ports-note", StringComparison.Ordinal)
        .Replace("title: \"The Middle Corridor: Strategic Promise and Practical Bottlenecks\"", $"title: \"Caspian ports and the {word} question\"", StringComparison.Ordinal));

    /// <summary>
    /// The English sample with every "ferry" and "ferries" gone from it (one stem to Pagefind) and <paramref name="word"/>
    /// in the place of the first.
    /// </summary>
    private static Perspective Corrected(string word = CorrectedWord)
    {
        var replaced = false;
        return Sample("middle-corridor", source => System.Text.RegularExpressions.Regex.Replace(source, "[Ff]err(y|ies)", match =>
        {
            if (replaced) return "vessels";
            replaced = true;
            return word;
        }));
    }

    private static Perspective Sample(string name, Func<string, string>? edit = null)
    {
        var file = Path.Combine(RepositoryPaths.Samples, name, name + ".md");
        var text = File.ReadAllText(file);
        var source = Encoding.UTF8.GetBytes(edit is null ? text : edit(text));
        var parsed = new PerspectiveParser().Parse(new DraftSource(file, source, new FolderDraftAssets(Path.GetDirectoryName(file)!)));
        Assert.True(parsed.Perspective is not null, string.Join("\n", parsed.Diagnostics));
        return parsed.Perspective!;
    }

    // --- searching, as a reader does on the search page ---

    private async Task<IBrowserContext> ServedAsync()
    {
        var context = await _chromium.Browser.NewContextAsync();
        await StaticHosting.ServeAsync(context, _site.Folder);
        return context;
    }

    /// <summary>The paper URLs the English search page lists for <paramref name="word"/> (asked as the header's box asks: ?q=), each page once.</summary>
    private static async Task<string[]> SearchAsync(IBrowserContext context, string word)
    {
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(StaticHosting.Origin + "search/index.html?q=" + Uri.EscapeDataString(word));
            await ResultsShownAsync(page, word);
            // Each result's own link (the ones below it go to its sections).
            var hrefs = await page.Locator(".pagefind-ui__result").EvaluateAllAsync<string[]>(
                "results => results.map(r => new URL(r.querySelector('.pagefind-ui__result-link').href).pathname)");
            return hrefs;
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Waits until the page says how many results there are for <paramref name="word"/> and every shown result has its link.</summary>
    private static async Task ResultsShownAsync(IPage page, string word) =>
        await page.WaitForFunctionAsync(@"q => {
                const message = (document.querySelector('.pagefind-ui__message')?.textContent ?? '').trim();
                // 'Searching for …...' while the query runs; then the count (or 'No results') for it.
                const results = [...document.querySelectorAll('.pagefind-ui__result')];
                return message.includes(q) && !/(\.\.\.|…)$/.test(message) && results.every(r => r.querySelector('.pagefind-ui__result-link'));
            }", word, new PageWaitForFunctionOptions { Timeout = 20_000 });

    /// <summary>Every file under <paramref name="folder"/> with its SHA-256 and time of last write, in path order.</summary>
    private static List<string> Snapshot(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))} {File.GetLastWriteTimeUtc(f):O}")
            .Order(StringComparer.Ordinal)];
}
