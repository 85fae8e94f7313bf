using HiiaPublish.Format;
using HiiaPublish.Site.Publishing;

namespace HiiaPublish.Site.Tests;

/// <summary>A topic or author page a correction left with no paper links the list of all papers of its language, and a resolving link.</summary>
public class EmptiedTopicTests
{
    private readonly InMemorySiteStore _store = new();
    private readonly SitePublisher _publisher = SiteFixture.Publisher();

    [Theory]
    [InlineData(PaperLanguage.English, "See all papers", "index.html")]
    [InlineData(PaperLanguage.Hungarian, "Az összes elemzés", "hu/index.html")]
    public async Task AnEmptiedTopicPage_LinksTheListOfAllPapers(PaperLanguage language, string label, string listing)
    {
        await Publish("gas-paper", "first", ["Energy", "Gas"], language);
        var before = await Page("topics/gas/index.html");
        Assert.Null(before.QuerySelector(".listing-all")); // a topic with papers lists them, nothing more

        await Publish("gas-paper", "corrected", ["Energy"], language);

        var gas = await Page("topics/gas/index.html");
        Assert.Empty(gas.QuerySelectorAll(".listing-entry"));
        var link = gas.QuerySelector(".listing-all a");
        Assert.NotNull(link);
        Assert.Equal(label, link!.TextContent);
        Assert.Equal(listing, Resolve("topics/gas/index.html", link.GetAttribute("href")!));
        Assert.NotNull(await _store.ReadAsync(listing, CancellationToken.None)); // the link leads to a page that is there
    }

    [Fact]
    public async Task AnEmptiedAuthorPage_LinksTheListOfAllPapersToo()
    {
        await Publish("gas-paper", "first", ["Energy"], PaperLanguage.English, [new Author("Zsófia Példa", "Research Fellow")]);
        await Publish("gas-paper", "corrected", ["Energy"], PaperLanguage.English, [new Author("Péter Másik", "Research Fellow")]);

        var page = await Page("authors/zsofia-pelda/index.html");
        Assert.Empty(page.QuerySelectorAll(".listing-entry"));
        Assert.Equal("index.html", Resolve("authors/zsofia-pelda/index.html", page.QuerySelector(".listing-all a")!.GetAttribute("href")!));
    }

    private async Task Publish(string slug, string revision, string[] keywords, PaperLanguage language, Author[]? authors = null)
    {
        var paper = TestPapers.Paper(slug: slug, title: "Paper " + slug, date: new DateOnly(2026, 4, 2), keywords: keywords,
            authors: authors, language: language);
        var result = await _publisher.PublishAsync(TestPapers.Request(paper, revisionSource: revision), _store, CancellationToken.None);
        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
    }

    private static string Resolve(string from, string href) =>
        new Uri(new Uri("http://site.test/" + from), href).AbsolutePath.TrimStart('/');

    private async Task<AngleSharp.Dom.IDocument> Page(string path) =>
        HtmlChecks.ParseStrict((await _store.ReadAsync(path, CancellationToken.None) ?? throw new Xunit.Sdk.XunitException(path + " was not written")).Content, path);
}
