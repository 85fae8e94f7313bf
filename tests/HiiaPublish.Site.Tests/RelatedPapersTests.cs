using HiiaPublish.Format;

namespace HiiaPublish.Site.Tests;

/// <summary>"Related papers": up to three, most shared topics first, then the newest; never the paper itself or its twin.</summary>
public class RelatedPapersTests
{
    [Fact]
    public async Task RelatedPapers_AreChosenByTopicsThenDate()
    {
        var store = new InMemorySiteStore();
        var publisher = SiteFixture.Publisher();
        async Task Publish(string slug, int day, params string[] keywords) =>
            Assert.True((await publisher.PublishAsync(TestPapers.Request(TestPapers.Paper(slug: slug, title: "Paper " + slug,
                date: new DateOnly(2026, 4, day), keywords: keywords), revisionSource: slug), store, CancellationToken.None)).Published);

        await Publish("old-two-shared", 1, "Energy", "Gas");
        await Publish("new-one-shared", 9, "Energy");
        await Publish("older-one-shared", 2, "gas");
        await Publish("oldest-one-shared", 1, "Energy");
        await Publish("unrelated", 10, "Sport");
        await Publish("subject", 20, "Energy", "Gas", "Pipelines");

        var page = HtmlChecks.ParseStrict((await store.ReadAsync("perspectives/2026/subject/index.html", default))!.Content, "subject");
        Assert.Equal(["../old-two-shared/index.html", "../new-one-shared/index.html", "../older-one-shared/index.html"],
            page.QuerySelectorAll(".related-list a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void RelatedPapers_NeverIncludeTheTwin()
    {
        var entry = Entry("a", "en", "Energy");
        var twin = Entry("b", "hu", "Energy") with { TranslationOf = "a" };
        var other = Entry("c", "en", "Energy");
        var catalogue = new Catalogue(Catalogue.Sorted([entry, twin, other]));

        var neighbours = PaperRelations.For(catalogue, entry);

        Assert.Equal("b", neighbours.Twin!.Slug);
        Assert.Equal(["c"], neighbours.Related.Select(r => r.Slug));
    }

    private static CatalogueEntry Entry(string slug, string language, params string[] keywords) => new()
    {
        Slug = slug, Year = 2026, Title = slug, Authors = [], Date = "2026-04-01", Language = language, AbstractText = "", AbstractHtml = "",
        Keywords = keywords, LandingPath = $"perspectives/2026/{slug}/index.html", PdfPath = $"perspectives/2026/{slug}/{slug}.pdf",
        VersionedPdfPath = $"perspectives/2026/{slug}/{slug}-0.pdf", PdfBytes = 1, Pages = 1, Revision = slug, Sha256 = slug,
        FirstPublished = DateTimeOffset.UnixEpoch, PreviousVersions = [],
    };
}
