using System.Text;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Site;
using HiiaPublish.Site.Storage;
using HiiaPublish.Site.Tests.Support;

namespace HiiaPublish.Site.Tests;

public class PublisherReliabilityTests
{
    private static readonly PublicationRequest Existing = TestPapers.Request(TestPapers.Paper(slug: "earlier", title: "Earlier", date: new DateOnly(2026, 1, 5)));
    private static readonly PublicationRequest NewPaper = TestPapers.Request(TestPapers.Paper(), cover: TestPapers.TinyPng());

    [Fact]
    public async Task SameRevisionTwice_WritesNothing_AndKeepsEveryETag()
    {
        var store = new InMemorySiteStore();
        var publisher = SiteFixture.Publisher();
        var first = await publisher.PublishAsync(NewPaper, store, CancellationToken.None);
        var before = store.Snapshot().ToDictionary(o => o.Key, o => o.Value.Info.ETag);

        var second = await publisher.PublishAsync(NewPaper with { PublishedAt = TestPapers.Noon.AddDays(3) }, store, CancellationToken.None);

        Assert.Equal(PublishOutcome.FirstPublication, first.Outcome);
        Assert.Equal(PublishOutcome.AlreadyPublished, second.Outcome);
        Assert.Empty(second.WrittenPaths);
        Assert.Equal(before, store.Snapshot().ToDictionary(o => o.Key, o => o.Value.Info.ETag));
    }

    [Fact]
    public async Task CorrectedRevision_ReplacesThePaper_KeepsTheOldPdfReachable_AndSaysCorrectedOn()
    {
        var store = new InMemorySiteStore();
        var publisher = SiteFixture.Publisher();
        await publisher.PublishAsync(NewPaper, store, CancellationToken.None);
        var correction = TestPapers.Request(TestPapers.Paper(title: "From Sanctuary to Open War"), revisionSource: "r2", at: new DateTimeOffset(2026, 5, 2, 9, 0, 0, TimeSpan.Zero));

        var result = await publisher.PublishAsync(correction, store, CancellationToken.None);

        Assert.Equal(PublishOutcome.Correction, result.Outcome);
        var entry = result.Entry!;
        Assert.Equal(TestPapers.Noon, entry.FirstPublished);
        var previous = Assert.Single(entry.PreviousVersions);
        Assert.Equal(NewPaper.Pdf, (await store.ReadAsync(previous.PdfPath, default))!.Content);
        Assert.Equal(correction.Pdf, (await store.ReadAsync(entry.PdfPath, default))!.Content);
        var landing = HtmlChecks.ParseStrict((await store.ReadAsync(entry.LandingPath, default))!.Content, "landing");
        Assert.Equal("Corrected on May 2, 2026.", landing.QuerySelector(".corrected")!.TextContent);
        Assert.Equal("From Sanctuary to Open War", landing.QuerySelector("h1")!.TextContent);
        Assert.Equal(previous.PdfPath.Split('/').Last(), landing.QuerySelector(".previous-versions + ul a")!.GetAttribute("href"));
        var catalogue = CatalogueSerializer.Deserialize((await store.ReadAsync(SitePaths.Catalogue, default))!.Content);
        Assert.Single(catalogue.Entries);
        await SiteInvariants.AssertConsistentAsync(store);

        // The replaced revision arriving late must not come back.
        var late = await publisher.PublishAsync(NewPaper, store, CancellationToken.None);
        Assert.Equal(PublishOutcome.Refused, late.Outcome);
        Assert.Contains(late.Diagnostics, d => d.Code == "HP0707");
    }

    [Fact]
    public async Task CrashAtEveryWrite_LeavesTheSiteConsistent_AndARetryEqualsACleanRun()
    {
        var clean = new InMemorySiteStore();
        await SiteFixture.Publisher().PublishAsync(Existing, clean, CancellationToken.None);
        var cleanRun = await SiteFixture.Publisher().PublishAsync(NewPaper, clean, CancellationToken.None);
        var expected = await SiteInvariants.ReadAllAsync(clean);
        var writes = cleanRun.WrittenPaths.Count;
        Assert.True(writes >= 8, $"expected the publish to write its paper, catalogue and listings, got {writes} writes");

        for (var failAt = 1; failAt <= writes; failAt++)
        {
            var store = new InMemorySiteStore();
            await SiteFixture.Publisher().PublishAsync(Existing, store, CancellationToken.None);
            await Assert.ThrowsAsync<InjectedFailureException>(() =>
                SiteFixture.Publisher().PublishAsync(NewPaper, new FailingSiteStore(store, failAt), CancellationToken.None));
            await SiteInvariants.AssertConsistentAsync(store);

            var retry = await SiteFixture.Publisher().PublishAsync(NewPaper, store, CancellationToken.None);
            Assert.True(retry.Published);
            var actual = await SiteInvariants.ReadAllAsync(store);
            Assert.Equal(expected.Keys, actual.Keys);
            foreach (var (path, content) in expected)
                Assert.True(content.AsSpan().SequenceEqual(actual[path]), $"after a crash at write {failAt} and a retry, {path} differs from a clean run");
        }
    }

    [Fact]
    public async Task TwentyConcurrentPublishes_LoseNoEntry_InMemory() => await ConcurrentPublishes.AssertNoLostEntriesAsync(new InMemorySiteStore());

    [Fact]
    public async Task TwentyConcurrentPublishes_LoseNoEntry_InALocalFolder()
    {
        var folder = Directory.CreateTempSubdirectory("hiia-site-");
        try { await ConcurrentPublishes.AssertNoLostEntriesAsync(new LocalFolderSiteStore(folder.FullName)); }
        finally { folder.Delete(recursive: true); }
    }

    [Fact]
    public async Task APublishThatCommitsWhileAnotherWritesListings_StillEndsInTheListings()
    {
        var store = new InMemorySiteStore();
        var publisher = SiteFixture.Publisher();
        var second = TestPapers.Request(TestPapers.Paper(slug: "second", title: "Second paper", date: new DateOnly(2026, 6, 1)));
        // The first publisher has committed and is about to write index.html from its catalogue; the second
        // commits and finishes right then, so the first one's listing would be stale.
        var hooked = new HookedSiteStore(store, "index.html", () => publisher.PublishAsync(second, store, CancellationToken.None));

        await publisher.PublishAsync(NewPaper, hooked, CancellationToken.None);

        var index = HtmlChecks.ParseStrict((await store.ReadAsync("index.html", default))!.Content, "index.html");
        Assert.Equal(["Second paper", NewPaper.Perspective.Metadata.Title], index.QuerySelectorAll(".listing-entry h2").Select(h => h.TextContent));
        await SiteInvariants.AssertConsistentAsync(store);
    }

    [Fact]
    public async Task InvalidRequest_IsRefusedWithDiagnostics_AndWritesNothing()
    {
        var store = new InMemorySiteStore();
        var bad = TestPapers.Request(TestPapers.Paper(slug: "Bad Slug/..")) with { Pdf = Encoding.ASCII.GetBytes("<html>"), PageCount = 0, Revision = "xyz" };

        var result = await SiteFixture.Publisher().PublishAsync(bad, store, CancellationToken.None);

        Assert.Equal(PublishOutcome.Refused, result.Outcome);
        Assert.Equal(["HP0701", "HP0702", "HP0703", "HP0704"], result.Diagnostics.Select(d => d.Code));
        Assert.Empty(store.Snapshot());
    }
}
