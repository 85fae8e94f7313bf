using System.Text.Json;
using HiiaPublish.Site;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Site.Tests;

public class LandingPageTests
{
    private static async Task<InMemorySiteStore> PublishOneAsync(HiiaPublish.Site.Publishing.PublicationRequest request)
    {
        var store = new InMemorySiteStore();
        var result = await SiteFixture.Publisher().PublishAsync(request, store, CancellationToken.None);
        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
        return store;
    }

    [Fact]
    public async Task EveryGeneratedPage_ParsesWithoutErrors_AndIsAccessible()
    {
        var store = await PublishOneAsync(TestPapers.Request(TestPapers.Paper(cover: new("cover.png", "A mountain pass", "Shutterstock")), cover: TestPapers.TinyPng()));
        var pages = store.Snapshot().Where(o => o.Key.EndsWith(".html", StringComparison.Ordinal)).ToArray();

        Assert.Contains(pages, p => p.Key == "index.html");
        Assert.Contains(pages, p => p.Key == "hu/index.html");
        Assert.Contains(pages, p => p.Key == "404.html");
        Assert.Contains(pages, p => p.Key == "perspectives/2026/open-war/index.html");
        foreach (var (path, page) in pages)
        {
            var document = HtmlChecks.ParseStrict(page.Content, path);
            HtmlChecks.AssertAccessible(document, path);
            HtmlChecks.AssertNoActiveContent(document, path);
            Assert.NotNull(document.QuerySelector("meta[http-equiv='Content-Security-Policy']"));
        }
    }

    [Fact]
    public async Task LandingPage_ShowsWhatAReaderNeeds()
    {
        var store = await PublishOneAsync(TestPapers.Request(TestPapers.Paper(cover: new("cover.png", "A mountain pass", "Shutterstock")), cover: TestPapers.TinyPng()));
        var page = (await store.ReadAsync("perspectives/2026/open-war/index.html", default))!;
        var document = HtmlChecks.ParseStrict(page.Content, "landing");

        Assert.Equal("en-US", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("From Sanctuary to “Open War”", document.QuerySelector("h1")!.TextContent);
        Assert.Equal("How Pakistan Soured on the Taliban", document.QuerySelector(".subtitle")!.TextContent);
        Assert.Equal("Zsolt Trembeczki, Visiting Fellow, HIIA", document.QuerySelector(".authors li")!.TextContent);
        Assert.Equal("April 21, 2026", document.QuerySelector("time")!.TextContent);
        Assert.Contains("Pakistan, Taliban", document.QuerySelector(".keywords")!.TextContent);
        var download = document.QuerySelector(".download a")!;
        Assert.Equal("open-war.pdf", download.GetAttribute("href"));
        Assert.Matches(@"^Download PDF \(7 pages, 1 KB\)$", download.TextContent);
        var cover = document.QuerySelector(".cover img")!;
        Assert.Equal("A mountain pass", cover.GetAttribute("alt"));
        Assert.True(await store.GetInfoAsync("perspectives/2026/open-war/" + cover.GetAttribute("src"), default) is not null, "the cover image is not published");
        Assert.Contains("Source of cover photo: Shutterstock", document.QuerySelector(".cover figcaption")!.TextContent);
        Assert.Contains("Zsolt Trembeczki, “From Sanctuary to “Open War”: How Pakistan Soured on the Taliban,” HIIA Perspective, Hungarian Institute of International Affairs, April 21, 2026, https://perspectives.hiia.hu/perspectives/2026/open-war/.",
            document.QuerySelector(".cite .citation")!.TextContent);
    }

    [Fact]
    public async Task LandingPage_NumbersSections_AndLinksFootnotesBothWays()
    {
        var store = await PublishOneAsync(TestPapers.Request(TestPapers.Paper()));
        var document = HtmlChecks.ParseStrict((await store.ReadAsync("perspectives/2026/open-war/index.html", default))!.Content, "landing");

        var sections = document.QuerySelectorAll(".paper-body h2").Select(h => h.TextContent).ToArray();
        Assert.Equal(["1. From Friction to “Open Warfare”", "2. Conclusion"], sections);
        Assert.Equal("The border", document.QuerySelector(".paper-body h3")!.TextContent);

        var marks = document.QuerySelectorAll(".footnote-ref a").ToArray();
        Assert.Equal(["#fn-1", "#fn-2", "#fn-1"], marks.Select(a => a.GetAttribute("href")));
        Assert.Equal(marks.Length, marks.Select(a => a.Id).Distinct().Count());
        foreach (var note in document.QuerySelectorAll(".footnotes li"))
        {
            var back = note.QuerySelector("a.footnote-back")!.GetAttribute("href")!;
            Assert.NotNull(document.GetElementById(back.TrimStart('#')));
        }
        Assert.Contains("Bruce Riedel", document.GetElementById("fn-1")!.TextContent);
        // What a reader sees: soft hyphens only show at a line end.
        Assert.Equal("Brookings", document.QuerySelector("#fn-1 em")!.TextContent.Replace("\u00AD", ""));
        Assert.Equal("col", document.QuerySelector(".paper-body th")!.GetAttribute("scope"));
        Assert.Equal("https://www.brookings.edu/", document.QuerySelector(".paper-body a[href^='http']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task LandingPage_CarriesCitationTags_OpenGraph_AndJsonLd()
    {
        var store = await PublishOneAsync(TestPapers.Request(TestPapers.Paper()));
        var document = HtmlChecks.ParseStrict((await store.ReadAsync("perspectives/2026/open-war/index.html", default))!.Content, "landing");
        string Meta(string name) => document.QuerySelector($"meta[name='{name}'], meta[property='{name}']")?.GetAttribute("content") ?? "";

        Assert.Equal("From Sanctuary to “Open War”", Meta("citation_title"));
        Assert.Equal("Zsolt Trembeczki", Meta("citation_author"));
        Assert.Equal("2026/04/21", Meta("citation_publication_date"));
        Assert.Equal("https://perspectives.hiia.hu/perspectives/2026/open-war/open-war.pdf", Meta("citation_pdf_url"));
        Assert.Equal("en", Meta("citation_language"));
        Assert.Equal("Hungarian Institute of International Affairs", Meta("citation_publisher"));
        Assert.Equal("From Sanctuary to “Open War”", Meta("og:title"));
        Assert.Equal("https://perspectives.hiia.hu/perspectives/2026/open-war/", Meta("og:url"));

        var jsonLd = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("Report", jsonLd.GetProperty("@type").GetString());
        Assert.Equal("Zsolt Trembeczki", jsonLd.GetProperty("author")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task HungarianPaper_HasHungarianLabelsAndLanguage_AndAppearsInTheHungarianListing()
    {
        var paper = TestPapers.Paper(slug: "magyar-elemzes", title: "Árvíztűrő tükörfúrógép", language: HiiaPublish.Format.PaperLanguage.Hungarian,
            subtitle: null, authors: [new("Kiss Éva", "kutató, MKI")]);
        var store = await PublishOneAsync(TestPapers.Request(paper));

        var landing = HtmlChecks.ParseStrict((await store.ReadAsync("perspectives/2026/magyar-elemzes/index.html", default))!.Content, "landing");
        Assert.Equal("hu-HU", landing.DocumentElement.GetAttribute("lang"));
        Assert.Equal("2026. április 21.", landing.QuerySelector("time")!.TextContent);
        Assert.StartsWith("PDF letöltése (7 oldal", landing.QuerySelector(".download a")!.TextContent);
        Assert.Equal("Összefoglaló", landing.QuerySelector("#abstract-heading")!.TextContent);

        var listing = HtmlChecks.ParseStrict((await store.ReadAsync("hu/index.html", default))!.Content, "hu/index.html");
        Assert.Equal("hu-HU", listing.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Magyar nyelvű elemzések", listing.QuerySelector("h1")!.TextContent);
        Assert.Equal("../perspectives/2026/magyar-elemzes/index.html", listing.QuerySelector(".listing-entry h2 a")!.GetAttribute("href"));
    }
}
