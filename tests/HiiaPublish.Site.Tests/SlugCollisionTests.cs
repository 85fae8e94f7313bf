using HiiaPublish.Format;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Site;

namespace HiiaPublish.Site.Tests;

/// <summary>
/// Issue 15, "no silent replacement": three papers whose titles slug alike ("Foo Bar", "Foo-Bar!", "Főő Bár") were
/// published as one, each reported "corrected as …". A revision whose slug names a published paper with another title
/// and other authors is refused (HP0720) naming both, and the site keeps the first; a real correction (same title or a
/// shared author) still replaces it.
/// </summary>
public class SlugCollisionTests
{
    private static PublicationRequest Paper(string title, string author, string revision) =>
        TestPapers.Request(TestPapers.Paper(slug: SlugBuilder.Derive(title), title: title, authors: [new Author(author, null)]), revisionSource: revision);

    [Fact]
    public async Task ThreeDifferentPapersThatSlugAlike_OnlyTheFirstIsPublished_AndEachOtherIsRefusedNamingBoth()
    {
        var store = new InMemorySiteStore();
        var publisher = SiteFixture.Publisher();
        var first = Paper("Foo Bar", "Anna Kovács", "a");
        var second = Paper("Foo-Bar!", "Béla Nagy", "b");
        var third = Paper("Főő Bár", "Cecília Tóth", "c");
        Assert.Equal(first.Perspective.Metadata.Slug, second.Perspective.Metadata.Slug);
        Assert.Equal(first.Perspective.Metadata.Slug, third.Perspective.Metadata.Slug);

        Assert.Equal(PublishOutcome.FirstPublication, (await publisher.PublishAsync(first, store, CancellationToken.None)).Outcome);
        var before = await SiteInvariants.ReadAllAsync(store);
        foreach (var other in new[] { second, third })
        {
            var result = await publisher.PublishAsync(other, store, CancellationToken.None);
            Assert.Equal(PublishOutcome.Refused, result.Outcome);
            var refusal = Assert.Single(result.Diagnostics, d => d.Code == "HP0720");
            Assert.Contains("\"Foo Bar\" by Anna Kovács", refusal.Message);
            Assert.Contains($"\"{other.Perspective.Metadata.Title}\" by {other.Perspective.Metadata.Authors[0].Name}", refusal.Message);
        }

        var after = await SiteInvariants.ReadAllAsync(store);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, content) in before) Assert.True(content.AsSpan().SequenceEqual(after[path]), $"{path} changed");
    }

    [Theory]
    [InlineData("Foo Bar", "Someone Else")]  // same title, the authors changed
    [InlineData("Foo Bar, Revised", "Anna Kovács")] // same author, the title changed
    [InlineData("foo  bar", "Anna Kovacs")] // case and spacing of the title, accents of the name
    public async Task ACorrectionThatKeepsTheTitleOrAnAuthor_StillReplacesThePaper(string title, string author)
    {
        var store = new InMemorySiteStore();
        var publisher = SiteFixture.Publisher();
        await publisher.PublishAsync(Paper("Foo Bar", "Anna Kovács", "a"), store, CancellationToken.None);
        var correction = TestPapers.Request(TestPapers.Paper(slug: "foo-bar", title: title, authors: [new Author(author, null)]), revisionSource: "b");

        var result = await publisher.PublishAsync(correction, store, CancellationToken.None);

        Assert.Equal(PublishOutcome.Correction, result.Outcome);
    }

    [Fact]
    public async Task ARetitlingWithNewAuthors_ThatSaysItCorrectsThePaper_ReplacesIt_AndKeepsTheOldVersionAsPrevious()
    {
        var store = new InMemorySiteStore();
        var publisher = SiteFixture.Publisher();
        await publisher.PublishAsync(Paper("Foo Bar", "Anna Kovács", "a"), store, CancellationToken.None);
        var paper = TestPapers.Paper(slug: "foo-bar", title: "Quite Another Title", authors: [new Author("Béla Nagy", null)]);
        var unsaid = TestPapers.Request(paper, revisionSource: "b");
        var said = TestPapers.Request(paper with { Metadata = paper.Metadata with { Corrects = "foo-bar" } }, revisionSource: "b");

        Assert.Equal(PublishOutcome.Refused, (await publisher.PublishAsync(unsaid, store, CancellationToken.None)).Outcome);
        var result = await publisher.PublishAsync(said, store, CancellationToken.None);

        Assert.Equal(PublishOutcome.Correction, result.Outcome);
        var entry = CatalogueSerializer.Deserialize((await store.ReadAsync(SitePaths.Catalogue, CancellationToken.None))!.Content).Entries.Single();
        Assert.Equal("Quite Another Title", entry.Title);
        Assert.Equal("Béla Nagy", Assert.Single(entry.Authors).Name);
        Assert.Single(entry.PreviousVersions);
    }

    [Fact]
    public async Task ADraftThatSaysItCorrectsAPaperNotOnTheSite_IsRefused_AndNothingIsWritten()
    {
        var store = new InMemorySiteStore();
        var paper = TestPapers.Paper(slug: "foo-bar", title: "Foo Bar", authors: [new Author("Anna Kovács", null)]);
        var request = TestPapers.Request(paper with { Metadata = paper.Metadata with { Corrects = "foo-bar" } }, revisionSource: "a");

        var result = await SiteFixture.Publisher().PublishAsync(request, store, CancellationToken.None);

        Assert.Equal(PublishOutcome.Refused, result.Outcome);
        Assert.Contains("no paper is published at that address", Assert.Single(result.Diagnostics, d => d.Code == "HP0721").Message);
        Assert.Empty(await SiteInvariants.ReadAllAsync(store));
    }
}
