using Deque.AxeCore.Playwright;
using HiiaPublish.Site.Storage;
using HiiaPublish.Site.Tests.Support;
using Microsoft.Playwright;

namespace HiiaPublish.Site.Tests;

/// <summary>
/// The topic and author pages that pagination and corrections add (a second page, a page past the end, a topic
/// left with no paper) in Debian's chromium from disk: axe-core finds nothing, the links between pages lead where
/// they say, and screenshots (desktop and 390 px) go to tests/output/site-topics/ for a person to look at.
/// </summary>
public sealed class TopicPagesBrowserTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("hiia-topic-pages-");
    private LocalFolderSiteStore _store = null!;
    private BrowserSession _chromium = null!;

    public async Task InitializeAsync()
    {
        _store = new LocalFolderSiteStore(Path.Combine(_folder.FullName, "site"));
        var publisher = SiteFixture.Publisher();
        async Task Publish(string slug, int day, string revision, string[] keywords)
        {
            var paper = TestPapers.Paper(slug: slug, title: $"Energy paper {day}", date: new DateOnly(2026, 3, day), keywords: keywords);
            Assert.True((await publisher.PublishAsync(TestPapers.Request(paper, revisionSource: revision), _store, CancellationToken.None)).Published);
        }
        // 22 papers on one topic (two pages), then the oldest leaves it; a topic whose only paper leaves it.
        for (var day = 1; day <= 22; day++)
            await Publish($"energy-{day:00}", day, "first", day == 2 ? ["Energy", "Hydrogen"] : ["Energy"]);
        await Publish("energy-01", 1, "corrected", ["Oil"]);
        await Publish("energy-02", 2, "corrected", ["Energy"]);

        _chromium = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    public static readonly TheoryData<string, string, int> Pages = new()
    {
        { "topic-page-1", "topics/energy/index.html", 20 },
        { "topic-page-2", "topics/energy/page/2/index.html", 1 },
        { "topic-empty", "topics/hydrogen/index.html", 0 },
        { "author-page-2", "authors/zsolt-trembeczki/page/2/index.html", 2 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoAxeViolations_ListsWhatItShould_AndIsScreenshotted(string name, string path, int papers)
    {
        var output = RepositoryPaths.Output("site-topics");
        Directory.CreateDirectory(output);
        foreach (var (width, height, suffix) in new[] { (1280, 900, "desktop"), (390, 844, "phone") })
        {
            await using var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
            await page.GotoAsync(new Uri(_store.FullPathOf(path)).AbsoluteUri);
            await page.EvaluateAsync("document.fonts.ready");

            Assert.Equal(papers, await page.Locator(".listing-entry").CountAsync());
            Assert.Empty(errors);
            var axe = await page.RunAxe();
            Assert.True(axe.Violations.Length == 0, $"{path} ({suffix}): " + string.Join("; ",
                axe.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
            var png = Path.Combine(output, $"{name}-{suffix}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = png, FullPage = true });
            Assert.True(new FileInfo(png).Length > 20_000, $"the screenshot of {path} looks blank");
        }
    }

    [Fact]
    public async Task TheNextAndPreviousLinks_LeadBetweenTheTopicsPages()
    {
        var page = await _chromium.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(_store.FullPathOf("topics/energy/index.html")).AbsoluteUri);
        await page.ClickAsync(".pagination a[rel=next]");
        Assert.EndsWith("/topics/energy/page/2/index.html", page.Url, StringComparison.Ordinal);
        Assert.Equal("Energy paper 2", await page.Locator(".listing-entry h2 a").InnerTextAsync());
        await page.ClickAsync(".pagination a[rel=prev]");
        Assert.EndsWith("/topics/energy/index.html", page.Url, StringComparison.Ordinal);
        Assert.Equal("Energy paper 22", await page.Locator(".listing-entry h2 a").First.InnerTextAsync());
        await page.CloseAsync();
    }
}
