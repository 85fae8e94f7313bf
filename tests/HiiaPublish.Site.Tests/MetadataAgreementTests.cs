using System.Text.Json;
using System.Xml.Linq;
using HiiaPublish.Format;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Site;

namespace HiiaPublish.Site.Tests;

/// <summary>Title, authors, date and PDF URL must say the same on the landing page, in JSON-LD, the feed and the catalogue.</summary>
public class MetadataAgreementTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task TitleAuthorsDateAndPdfUrl_AgreeAcrossLandingJsonLdFeedAndCatalogue()
    {
        var paper = TestPapers.Paper(authors: [new Author("Zsolt Trembeczki", "Visiting Fellow, HIIA"), new Author("Éva Kiss", null)]);
        var store = new InMemorySiteStore();
        var result = await SiteFixture.Publisher().PublishAsync(TestPapers.Request(paper), store, CancellationToken.None);
        var entry = result.Entry!;

        var catalogue = CatalogueSerializer.Deserialize((await store.ReadAsync(SitePaths.Catalogue, default))!.Content).Entries.Single();
        var landing = HtmlChecks.ParseStrict((await store.ReadAsync(entry.LandingPath, default))!.Content, entry.LandingPath);
        var jsonLd = JsonDocument.Parse(landing.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        var feedEntry = XDocument.Parse(System.Text.Encoding.UTF8.GetString((await store.ReadAsync(SitePaths.Feed, default))!.Content))
            .Descendants(Atom + "entry").Single();
        var pdfUrl = SiteFixture.Renderer.AbsoluteUrl(catalogue.PdfPath);

        var expected = (Title: paper.Metadata.Title, Authors: new[] { "Zsolt Trembeczki", "Éva Kiss" }, Date: "2026-04-21",
            PdfUrl: "https://perspectives.hiia.hu/perspectives/2026/open-war/open-war.pdf");
        Assert.Equal(expected.PdfUrl, pdfUrl);

        Assert.Equal(expected.Title, catalogue.Title);
        Assert.Equal(expected.Title, landing.QuerySelector("h1")!.TextContent);
        Assert.Equal(expected.Title, landing.QuerySelector("meta[name='citation_title']")!.GetAttribute("content"));
        Assert.Equal(expected.Title, jsonLd.GetProperty("headline").GetString());
        Assert.Equal(expected.Title, feedEntry.Element(Atom + "title")!.Value);

        Assert.Equal(expected.Authors, catalogue.Authors.Select(a => a.Name));
        Assert.Equal(expected.Authors, landing.QuerySelectorAll("meta[name='citation_author']").Select(m => m.GetAttribute("content")));
        Assert.Equal(expected.Authors, landing.QuerySelectorAll(".author-name").Select(m => m.TextContent));
        Assert.Equal(expected.Authors, jsonLd.GetProperty("author").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(expected.Authors, feedEntry.Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value));

        Assert.Equal(expected.Date, catalogue.Date);
        Assert.Equal(expected.Date, landing.QuerySelector(".date time")!.GetAttribute("datetime"));
        Assert.Equal(expected.Date.Replace('-', '/'), landing.QuerySelector("meta[name='citation_publication_date']")!.GetAttribute("content"));
        Assert.Equal(expected.Date, jsonLd.GetProperty("datePublished").GetString());

        Assert.Equal(expected.PdfUrl, landing.QuerySelector("meta[name='citation_pdf_url']")!.GetAttribute("content"));
        Assert.Equal(expected.PdfUrl, jsonLd.GetProperty("encoding").GetProperty("contentUrl").GetString());
        Assert.Equal(expected.PdfUrl, feedEntry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "enclosure").Attribute("href")!.Value);
        Assert.Equal("open-war.pdf", landing.QuerySelector(".download a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Feed_IsValidAtom_WithTheRequiredElements_AndAtMostFiftyEntries()
    {
        var store = new InMemorySiteStore();
        var publisher = SiteFixture.Publisher();
        for (var i = 0; i < 53; i++)
            await publisher.PublishAsync(TestPapers.Request(TestPapers.Paper(slug: $"paper-{i:00}", title: $"Paper {i:00}",
                date: new DateOnly(2026, 1, 1).AddDays(i)), at: TestPapers.Noon.AddDays(i)), store, CancellationToken.None);

        var feed = XDocument.Parse(System.Text.Encoding.UTF8.GetString((await store.ReadAsync(SitePaths.Feed, default))!.Content)).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" })
            Assert.NotNull(feed.Element(Atom + required));
        Assert.Equal("https://perspectives.hiia.hu/feed.xml", feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        var entries = feed.Elements(Atom + "entry").ToArray();
        Assert.Equal(50, entries.Length);
        Assert.Equal("Paper 52", entries[0].Element(Atom + "title")!.Value);
        foreach (var entry in entries)
            foreach (var required in new[] { "id", "title", "updated", "published", "author", "summary" })
                Assert.NotNull(entry.Element(Atom + required));
        Assert.Equal(entries[0].Element(Atom + "updated")!.Value, feed.Element(Atom + "updated")!.Value);
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, out _));

        // Listings page past 20: 53 papers make pages 1–3, linked both ways.
        var page1 = HtmlChecks.ParseStrict((await store.ReadAsync("index.html", default))!.Content, "index.html");
        Assert.Equal(20, page1.QuerySelectorAll(".listing-entry").Length);
        Assert.Equal("Paper 52", page1.QuerySelector(".listing-entry h2")!.TextContent);
        Assert.Equal("page/2/index.html", page1.QuerySelector("a[rel='next']")!.GetAttribute("href"));
        var page3 = HtmlChecks.ParseStrict((await store.ReadAsync("page/3/index.html", default))!.Content, "page 3");
        Assert.Equal(13, page3.QuerySelectorAll(".listing-entry").Length);
        Assert.Equal("../2/index.html", page3.QuerySelector("a[rel='prev']")!.GetAttribute("href"));
        Assert.Equal("../../perspectives/2026/paper-00/index.html", page3.QuerySelectorAll(".listing-entry h2 a").Last().GetAttribute("href"));
        Assert.Equal("../../assets/site.css", page3.QuerySelector("link[rel='stylesheet']")!.GetAttribute("href"));

        var sitemap = XDocument.Parse(System.Text.Encoding.UTF8.GetString((await store.ReadAsync(SitePaths.Sitemap, default))!.Content)).Root!;
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToArray();
        Assert.Contains("https://perspectives.hiia.hu/", locations);
        Assert.Contains("https://perspectives.hiia.hu/page/3/", locations);
        Assert.Contains("https://perspectives.hiia.hu/perspectives/2026/paper-17/", locations);
        Assert.Equal(53 + 3 + 1, locations.Length);
    }

    [Fact]
    public async Task Listing_IsNewestFirstByDate_ThenTitle_WhateverThePublishOrder()
    {
        var store = new InMemorySiteStore();
        var publisher = SiteFixture.Publisher();
        var papers = new[] { ("b-paper", "Beta", 5), ("a-paper", "Alpha", 5), ("old", "Old", 1), ("new", "New", 9) };
        foreach (var (slug, title, day) in papers)
            await publisher.PublishAsync(TestPapers.Request(TestPapers.Paper(slug: slug, title: title, date: new DateOnly(2026, 3, day))), store, CancellationToken.None);
        var index = HtmlChecks.ParseStrict((await store.ReadAsync("index.html", default))!.Content, "index.html");
        Assert.Equal(["New", "Alpha", "Beta", "Old"], index.QuerySelectorAll(".listing-entry h2").Select(h => h.TextContent));
    }
}
