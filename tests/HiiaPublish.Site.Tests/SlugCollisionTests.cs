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
}
