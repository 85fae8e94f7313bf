using HiiaPublish.Site.Publishing;
using HiiaPublish.Site;
using HiiaPublish.Site.Tests.Support;

namespace HiiaPublish.Site.Tests;

/// <summary>
/// Issue 15: a kill during a correction's publish left the new PDF and landing page live under the old catalogue,
/// listings and feed. Killed at every storage write of a correction, the site either still shows the old revision
/// everywhere (every object a reader could already see is byte for byte what it was), or has committed the new one,
/// and then a retry ends exactly as a clean run.
/// </summary>
public class CorrectionFaultTests
{
    private static readonly PublicationRequest Original = TestPapers.Request(TestPapers.Paper(), cover: TestPapers.TinyPng());
    private static readonly PublicationRequest Correction = TestPapers.Request(TestPapers.Paper(title: "From Sanctuary to Open War"),
        revisionSource: "r2", at: new DateTimeOffset(2026, 5, 2, 9, 0, 0, TimeSpan.Zero));

    private static async Task<InMemorySiteStore> PublishedOriginalAsync()
    {
        var store = new InMemorySiteStore();
        Assert.True((await SiteFixture.Publisher().PublishAsync(Original, store, CancellationToken.None)).Published);
        return store;
    }

    [Fact]
    public async Task KilledAtEveryWriteOfACorrection_TheSiteShowsOneRevision_AndARetryEqualsACleanRun()
    {
        var clean = await PublishedOriginalAsync();
        var before = await SiteInvariants.ReadAllAsync(clean);
        var cleanRun = await SiteFixture.Publisher().PublishAsync(Correction, clean, CancellationToken.None);
        Assert.Equal(PublishOutcome.Correction, cleanRun.Outcome);
        var expected = await SiteInvariants.ReadAllAsync(clean);
        var writes = cleanRun.WrittenPaths.Count;
        Assert.True(writes >= 6, $"a correction writes its PDFs, landing page, catalogue and listings; got {writes} writes");

        var sawOld = 0;
        var sawNew = 0;
        for (var failAt = 1; failAt <= writes; failAt++)
        {
            var store = await PublishedOriginalAsync();
            await Assert.ThrowsAsync<InjectedFailureException>(() =>
                SiteFixture.Publisher().PublishAsync(Correction, new FailingSiteStore(store, failAt), CancellationToken.None));
            await SiteInvariants.AssertConsistentAsync(store);

            var after = await SiteInvariants.ReadAllAsync(store);
            var live = CatalogueSerializer.Deserialize(after[SitePaths.Catalogue]).Entries.Single().Revision;
            if (live == Original.Revision)
            {
                sawOld++;
                // Not committed: nothing a reader could see before has changed (only new, unlinked objects were added).
                foreach (var (path, content) in before)
                    Assert.True(content.AsSpan().SequenceEqual(after[path]), $"killed at write {failAt} before the commit, {path} already changed");
            }
            else
            {
                sawNew++;
                Assert.Equal(Correction.Revision, live);
            }

            var retry = await SiteFixture.Publisher().PublishAsync(Correction, store, CancellationToken.None);
            Assert.True(retry.Published);
            var actual = await SiteInvariants.ReadAllAsync(store);
            Assert.Equal(expected.Keys, actual.Keys);
            foreach (var (path, content) in expected)
                Assert.True(content.AsSpan().SequenceEqual(actual[path]), $"after a kill at write {failAt} and a retry, {path} differs from a clean run");
        }
        // Both sides of the commit were reached, so the test saw kills before and after it.
        Assert.True(sawOld > 0 && sawNew > 0, $"{sawOld} kills before the commit, {sawNew} after");
    }

    [Fact]
    public async Task ACorrectionRefusedAtTheCommit_ChangesNothingAReaderSees()
    {
        var store = await PublishedOriginalAsync();
        // A later correction is already live: the late one (the original again, replaced) is refused at the commit.
        await SiteFixture.Publisher().PublishAsync(Correction, store, CancellationToken.None);
        var before = await SiteInvariants.ReadAllAsync(store);

        var late = await SiteFixture.Publisher().PublishAsync(Original, store, CancellationToken.None);

        Assert.Equal(PublishOutcome.Refused, late.Outcome);
        var after = await SiteInvariants.ReadAllAsync(store);
        foreach (var (path, content) in before)
            Assert.True(content.AsSpan().SequenceEqual(after[path]), $"{path} changed although the publish was refused");
    }
}
