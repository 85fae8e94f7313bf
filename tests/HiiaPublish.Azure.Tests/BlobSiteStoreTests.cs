using System.Text;
using Azure.Storage.Blobs;
using HiiaPublish.Azure.Storage;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Site;
using HiiaPublish.Site.Storage;
using HiiaPublish.Azure.Tests.Support;

namespace HiiaPublish.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public class BlobSiteStoreTests(AzuriteFixture azurite)
{
    private static readonly SiteObjectProperties Html = new("text/html; charset=utf-8", "public, max-age=300");

    [Fact]
    public async Task ConditionalWrites_FollowETags_AgainstAzurite()
    {
        var store = new BlobSiteStore(azurite.NewContainer("conditions"));

        var created = await store.WriteAsync("a/b.html", "one"u8.ToArray(), Html, WriteCondition.IfNotExists, default);
        var again = await store.WriteAsync("a/b.html", "two"u8.ToArray(), Html, WriteCondition.IfNotExists, default);
        var replaced = await store.WriteAsync("a/b.html", "three"u8.ToArray(), Html, WriteCondition.IfETagMatches(created.ETag!), default);
        var stale = await store.WriteAsync("a/b.html", "four"u8.ToArray(), Html, WriteCondition.IfETagMatches(created.ETag!), default);

        Assert.True(created.Succeeded);
        Assert.False(again.Succeeded);
        Assert.True(replaced.Succeeded);
        Assert.NotEqual(created.ETag, replaced.ETag);
        Assert.False(stale.Succeeded);
        var read = (await store.ReadAsync("a/b.html", default))!;
        Assert.Equal("three", Encoding.UTF8.GetString(read.Content));
        Assert.Equal(replaced.ETag, read.Info.ETag);
        Assert.Equal(Html, read.Info.Properties);
        var info = (await store.GetInfoAsync("a/b.html", default))!;
        Assert.Equal(ContentHash.Sha256Hex("three"u8), info.ContentSha256);
        Assert.Null(await store.ReadAsync("missing.html", default));
        Assert.Null(await store.GetInfoAsync("missing.html", default));
        await store.WriteAsync("c.html", "x"u8.ToArray(), Html, WriteCondition.None, default);
        Assert.Equal(["a/b.html"], await store.ListAsync("a/", default).ToArrayAsync());
    }

    [Fact]
    public async Task FromConnectionString_WritesIntoTheWebContainer_CreatingIt()
    {
        var store = BlobSiteStore.FromConnectionString(azurite.ConnectionString);
        await store.WriteAsync("probe.html", "<p>x</p>"u8.ToArray(), Html, WriteCondition.None, default);
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("$web");
        Assert.True((await container.GetBlobClient("probe.html").ExistsAsync()).Value);
    }

    [Fact]
    public async Task PublishedBlobs_AllCarryContentTypeCacheControl_AndPdfsAUtf8FileName_AndARepublishKeepsEveryETag()
    {
        var container = azurite.NewContainer("headers");
        var store = new BlobSiteStore(container);
        var request = TestPapers.Request(TestPapers.Paper(title: "Árvíztűrő “tükör” / fúrógép"), cover: TestPapers.TinyPng());
        var publisher = SiteFixture.Publisher();
        await publisher.PublishAsync(request, store, CancellationToken.None);
        var etags = await ETagsAsync(container);

        foreach (var (name, _) in etags)
        {
            var properties = (await container.GetBlobClient(name).GetPropertiesAsync()).Value;
            Assert.Equal(SiteObjectPolicy.ContentTypeOf(name), properties.ContentType);
            Assert.NotEqual("application/octet-stream", properties.ContentType);
            if (properties.ContentType.StartsWith("text/", StringComparison.Ordinal) || properties.ContentType.Contains("xml") || properties.ContentType.Contains("json"))
                Assert.EndsWith("charset=utf-8", properties.ContentType);
            Assert.StartsWith("public, max-age=", properties.CacheControl);
            if (name.EndsWith(".pdf", StringComparison.Ordinal))
            {
                Assert.StartsWith("inline; filename=\"open-war", properties.ContentDisposition);
                Assert.Contains("filename*=UTF-8''%C3%81rv%C3%ADzt%C5%B1r%C5%91%20%E2%80%9Ct%C3%BCk%C3%B6r%E2%80%9D%20f%C3%BAr%C3%B3g%C3%A9p", properties.ContentDisposition);
            }
            if (name.Contains("/img-") || System.Text.RegularExpressions.Regex.IsMatch(name, @"-[0-9a-f]{12}\.pdf$"))
                Assert.Equal(SiteObjectPolicy.Immutable, properties.CacheControl);
            if (name.EndsWith(".html", StringComparison.Ordinal) || name.EndsWith(".xml", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal))
                Assert.Equal(SiteObjectPolicy.ShortLived, properties.CacheControl);
        }

        var again = await publisher.PublishAsync(request with { PublishedAt = request.PublishedAt.AddHours(5) }, store, CancellationToken.None);
        Assert.Empty(again.WrittenPaths);
        Assert.Equal(etags, await ETagsAsync(container));
        await SiteInvariants.AssertConsistentAsync(store);
    }

    [Fact]
    public async Task TwentyConcurrentPublishes_LoseNoEntry_AgainstAzurite() =>
        await ConcurrentPublishes.AssertNoLostEntriesAsync(new BlobSiteStore(azurite.NewContainer("concurrent")));

    [Fact]
    public Task Listings_CarryTheETags_AndDeletesRemove_AgainstAzurite() =>
        SiteStoreDeletes.AssertListsETagsAndDeletesAsync(new BlobSiteStore(azurite.NewContainer("deletes")));

    private static async Task<SortedDictionary<string, string>> ETagsAsync(BlobContainerClient container)
    {
        var etags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(new global::Azure.Storage.Blobs.Models.GetBlobsOptions()))
            etags[blob.Name] = blob.Properties.ETag!.Value.ToString();
        return etags;
    }
}
