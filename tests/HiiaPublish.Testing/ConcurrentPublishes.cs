using System.Text;
using HiiaPublish.Site;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Testing;

/// <summary>
/// Twenty publishers at once against one store, paused between every read and write so they really interleave:
/// no catalogue entry, listing or feed item may be lost. Run against every site store (memory, folder, blob).
/// </summary>
public static class ConcurrentPublishes
{
    public static async Task AssertNoLostEntriesAsync(ISiteStore target)
    {
        var store = new InterleavingSiteStore(target);
        var publisher = SiteFixture.Publisher();
        var requests = Enumerable.Range(0, 20).Select(i => TestPapers.Request(
            TestPapers.Paper(slug: $"concurrent-{i:00}", title: $"Concurrent {i:00}", date: new DateOnly(2026, 2, 1).AddDays(i)))).ToArray();

        var results = await Task.WhenAll(requests.Select(r => Task.Run(() => publisher.PublishAsync(r, store, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(PublishOutcome.FirstPublication, r.Outcome));
        var catalogue = CatalogueSerializer.Deserialize((await store.ReadAsync(SitePaths.Catalogue, default))!.Content);
        Assert.Equal(requests.Select(r => r.Perspective.Metadata.Slug).Order(), catalogue.Entries.Select(e => e.Slug).Order());
        var index = HtmlChecks.ParseStrict((await store.ReadAsync("index.html", default))!.Content, "index.html");
        Assert.Equal(20, index.QuerySelectorAll(".listing-entry").Length);
        var feed = Encoding.UTF8.GetString((await store.ReadAsync(SitePaths.Feed, default))!.Content);
        Assert.All(requests, r => Assert.Contains(r.Perspective.Metadata.Title, feed));
        await SiteInvariants.AssertConsistentAsync(store);
    }
}
