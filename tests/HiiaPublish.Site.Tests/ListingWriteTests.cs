using System.Collections.Concurrent;
using System.Text;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Site.Tests;

/// <summary>
/// A publish writes the listing pages whose papers moved without reading them first, and still reads and repairs
/// every other page: knowing what changed saves reads, never leaves a page stale.
/// </summary>
public class ListingWriteTests
{
    [Fact]
    public async Task PagesWhosePapersMoved_AreWrittenUnread_AndAStalePageWhosePapersDidNotMove_IsStillRepaired()
    {
        var inner = new InMemorySiteStore();
        var store = new CountingSiteStore(inner);
        var publisher = SiteFixture.Publisher();
        var renderer = SiteFixture.Renderer;
        for (var day = 1; day <= 41; day++)
            await Publish(publisher, store, $"paper-{day:00}", day);
        await Publish(publisher, store, "magyar", 1, Format.PaperLanguage.Hungarian);
        // Someone (or a crash of an older program) left the Hungarian listing wrong.
        await inner.WriteAsync("hu/index.html", Encoding.UTF8.GetBytes("<p>stale</p>"), Publishing.SiteObjectPolicy.Listing("hu/index.html"),
            WriteCondition.None, CancellationToken.None);
        store.Reads.Clear();

        // The newest English paper shifts page 1, 2 and 3 of the English listing; the Hungarian listing keeps its papers.
        await Publish(publisher, store, "paper-newest", 60);

        Assert.DoesNotContain("index.html", store.Reads);
        Assert.DoesNotContain("page/2/index.html", store.Reads);
        Assert.DoesNotContain("page/3/index.html", store.Reads);
        Assert.Contains("hu/index.html", store.Reads);
        var hungarian = Encoding.UTF8.GetString((await inner.ReadAsync("hu/index.html", default))!.Content);
        Assert.Contains("Paper magyar", hungarian, StringComparison.Ordinal);
        var catalogue = CatalogueSerializer.Deserialize((await inner.ReadAsync(SitePaths.Catalogue, default))!.Content);
        foreach (var page in renderer.RenderListings(catalogue))
            Assert.Equal(Encoding.UTF8.GetString(page.Content), Encoding.UTF8.GetString((await inner.ReadAsync(page.Path, default))!.Content));
    }

    private static async Task Publish(Publishing.SitePublisher publisher, ISiteStore store, string slug, int day,
        Format.PaperLanguage language = Format.PaperLanguage.English)
    {
        var paper = TestPapers.Paper(slug: slug, title: "Paper " + slug, date: new DateOnly(2026, 1, 1).AddDays(day), language: language, keywords: ["Energy"]);
        Assert.True((await publisher.PublishAsync(TestPapers.Request(paper), store, CancellationToken.None)).Published);
    }

    private sealed class CountingSiteStore(ISiteStore inner) : ISiteStore
    {
        public ConcurrentBag<string> Reads { get; } = [];

        public Task<SiteObject?> ReadAsync(string path, CancellationToken cancellationToken) { Reads.Add(path); return inner.ReadAsync(path, cancellationToken); }

        public Task<SiteObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken) { Reads.Add(path); return inner.GetInfoAsync(path, cancellationToken); }

        public Task<SiteWriteResult> WriteAsync(string path, byte[] content, SiteObjectProperties properties, WriteCondition condition, CancellationToken cancellationToken) =>
            inner.WriteAsync(path, content, properties, condition, cancellationToken);

        public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
    }
}
