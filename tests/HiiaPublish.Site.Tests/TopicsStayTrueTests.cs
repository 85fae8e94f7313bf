using System.Xml.Linq;
using HiiaPublish.Format;
using HiiaPublish.Site.Publishing;

namespace HiiaPublish.Site.Tests;

/// <summary>
/// Topic and author pages say what the catalogue says after a correction: a keyword or an author the correction
/// dropped no longer lists the paper (nor does the topic's feed), and both kinds of page are split 20 papers a page
/// like the listings.
/// </summary>
public class TopicsStayTrueTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly InMemorySiteStore _store = new();
    private readonly SitePublisher _publisher = SiteFixture.Publisher();

    [Fact]
    public async Task ACorrectionThatDropsAKeyword_TakesThePaperOffThatTopicAndItsFeed()
    {
        await Publish("gas-paper", 2, "first", keywords: ["Energy", "Gas"]);
        await Publish("other-paper", 3, "first", keywords: ["Energy"]);
        Assert.Equal(["gas-paper"], await TopicSlugs("topics/gas/index.html"));

        await Publish("gas-paper", 2, "corrected", keywords: ["Energy"]);

        var gas = await Page("topics/gas/index.html");
        Assert.Empty(gas.QuerySelectorAll(".listing-entry"));
        Assert.Equal("No paper is on this topic any more.", gas.QuerySelector(".listing-empty")!.TextContent);
        var feed = XDocument.Parse(await Text("topics/gas/feed.xml"));
        Assert.Empty(feed.Root!.Elements(Atom + "entry"));
        Assert.Equal(["other-paper", "gas-paper"], await TopicSlugs("topics/energy/index.html"));
        var paper = await Page("perspectives/2026/gas-paper/index.html");
        Assert.DoesNotContain(paper.QuerySelectorAll(".keywords a"), a => a.GetAttribute("href")!.Contains("topics/gas/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACorrectionThatDropsAKeywordOthersStillHave_KeepsTheOthersOnIt()
    {
        await Publish("leaving", 2, "first", keywords: ["Gas"]);
        await Publish("staying", 3, "first", keywords: ["gas"]);

        await Publish("leaving", 2, "corrected", keywords: ["Oil"]);

        Assert.Equal(["staying"], await TopicSlugs("topics/gas/index.html"));
        var feed = XDocument.Parse(await Text("topics/gas/feed.xml"));
        Assert.Single(feed.Root!.Elements(Atom + "entry"));
        Assert.Equal(["leaving"], await TopicSlugs("topics/oil/index.html"));
    }

    [Fact]
    public async Task ACorrectionThatDropsAnAuthor_TakesThePaperOffTheirPage_InThePapersLanguage()
    {
        Author[] both = [new("Kovács Anna", "kutató"), new("Nagy Béla", "vezető kutató")];
        await Publish("ket-szerzo", 2, "first", keywords: ["Energia"], authors: both, language: PaperLanguage.Hungarian);
        Assert.Equal(["ket-szerzo"], await TopicSlugs("authors/nagy-bela/index.html"));

        await Publish("ket-szerzo", 2, "corrected", keywords: ["Energia"], authors: [both[0]], language: PaperLanguage.Hungarian);

        var dropped = await Page("authors/nagy-bela/index.html");
        Assert.Empty(dropped.QuerySelectorAll(".listing-entry"));
        Assert.Equal("hu", dropped.DocumentElement.GetAttribute("lang")![..2]);
        Assert.Equal("Ennek a szerzőnek már nincs elemzése az oldalon.", dropped.QuerySelector(".listing-empty")!.TextContent);
        Assert.Equal(["ket-szerzo"], await TopicSlugs("authors/kovacs-anna/index.html"));
    }

    [Fact]
    public async Task TopicAndAuthorPages_Show20PapersAPage_AndLinkTheirPages()
    {
        for (var day = 1; day <= 21; day++)
            await Publish($"paper-{day:00}", day, "first", keywords: ["Energy"]);

        var first = await Page("topics/energy/index.html");
        Assert.Equal(20, first.QuerySelectorAll(".listing-entry").Length);
        Assert.Equal("paper-21", SlugsOf(first)[0]);
        Assert.Equal("page/2/index.html", first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector(".pagination a[rel=prev]"));
        Assert.Equal("21 papers", first.QuerySelector(".listing-other")!.TextContent.Split(" · ")[0]);

        var second = await Page("topics/energy/page/2/index.html");
        Assert.Equal(["paper-01"], SlugsOf(second));
        Assert.Equal("../../index.html", second.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("Page 2 of 2", second.QuerySelector(".pagination span")!.TextContent);
        Assert.Contains("Page 2 of 2", second.Title, StringComparison.Ordinal);
        Assert.Equal("../../feed.xml", second.QuerySelector(".listing-other a[type='application/atom+xml']")!.GetAttribute("href"));
        Assert.Equal("../../../../assets/site.css", second.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));

        // Every paper has the same default author, so the author's pages split the same way.
        Assert.Equal(20, (await Page("authors/zsolt-trembeczki/index.html")).QuerySelectorAll(".listing-entry").Length);
        Assert.Equal(["paper-01"], SlugsOf(await Page("authors/zsolt-trembeczki/page/2/index.html")));
    }

    [Fact]
    public async Task WhenATopicLosesItsLastPage_ThatPageSaysItIsPastTheEnd_AndLinksBack()
    {
        for (var day = 1; day <= 21; day++)
            await Publish($"paper-{day:00}", day, "first", keywords: ["Energy"]);

        await Publish("paper-01", 1, "corrected", keywords: ["Oil"]);

        var first = await Page("topics/energy/index.html");
        Assert.Equal(20, first.QuerySelectorAll(".listing-entry").Length);
        Assert.Null(first.QuerySelector(".pagination"));
        var past = await Page("topics/energy/page/2/index.html");
        Assert.Empty(past.QuerySelectorAll(".listing-entry"));
        Assert.Equal("This page is past the last one; the papers are on the pages before it.", past.QuerySelector(".listing-empty")!.TextContent);
        Assert.Equal("../../index.html", past.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal(["paper-01"], await TopicSlugs("topics/oil/index.html"));
    }

    private async Task Publish(string slug, int day, string revision, string[] keywords, Author[]? authors = null,
        PaperLanguage language = PaperLanguage.English)
    {
        var paper = TestPapers.Paper(slug: slug, title: "Paper " + slug, date: new DateOnly(2026, 4, day), keywords: keywords,
            authors: authors, language: language);
        var result = await _publisher.PublishAsync(TestPapers.Request(paper, revisionSource: revision), _store, CancellationToken.None);
        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
    }

    private async Task<string> Text(string path) =>
        System.Text.Encoding.UTF8.GetString((await _store.ReadAsync(path, CancellationToken.None) ?? throw new Xunit.Sdk.XunitException(path + " was not written")).Content);

    private async Task<AngleSharp.Dom.IDocument> Page(string path) =>
        HtmlChecks.ParseStrict((await _store.ReadAsync(path, CancellationToken.None) ?? throw new Xunit.Sdk.XunitException(path + " was not written")).Content, path);

    private async Task<string[]> TopicSlugs(string path) => SlugsOf(await Page(path));

    // A listing entry links perspectives/2026/{slug}/index.html; the slug is the folder before index.html.
    private static string[] SlugsOf(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".listing-entry h2 a").Select(a => a.GetAttribute("href")!.Split('/')[^2]).ToArray();
}
