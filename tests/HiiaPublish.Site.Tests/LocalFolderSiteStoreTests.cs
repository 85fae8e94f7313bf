using HiiaPublish.Site.Publishing;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Site.Tests;

public sealed class LocalFolderSiteStoreTests : IDisposable
{
    private static readonly SiteObjectProperties Html = new("text/html; charset=utf-8", "public, max-age=300");
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("hiia-store-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task ETags_AreTheContentHash_AndConditionsHold()
    {
        var store = new LocalFolderSiteStore(_folder.FullName);

        var created = await store.WriteAsync("x/page.html", "one"u8.ToArray(), Html, WriteCondition.IfNotExists, default);
        var refused = await store.WriteAsync("x/page.html", "two"u8.ToArray(), Html, WriteCondition.IfNotExists, default);
        var stale = await store.WriteAsync("x/page.html", "two"u8.ToArray(), Html, WriteCondition.IfETagMatches("\"nope\""), default);
        var replaced = await store.WriteAsync("x/page.html", "two"u8.ToArray(), Html, WriteCondition.IfETagMatches(created.ETag!), default);

        Assert.Equal($"\"{ContentHash.Sha256Hex("one"u8)}\"", created.ETag);
        Assert.False(refused.Succeeded);
        Assert.False(stale.Succeeded);
        Assert.Equal($"\"{ContentHash.Sha256Hex("two"u8)}\"", replaced.ETag);
        Assert.Equal("two", File.ReadAllText(Path.Combine(_folder.FullName, "x", "page.html")));
        Assert.Equal(replaced.ETag, (await store.GetInfoAsync("x/page.html", default))!.ETag);
        Assert.Equal(["x/page.html"], await store.ListAsync("", default).ToArrayAsync());
        Assert.Empty(Directory.GetFiles(_folder.FullName, "*.hiia-tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public Task Listings_CarryTheETags_AndDeletesRemove() =>
        SiteStoreDeletes.AssertListsETagsAndDeletesAsync(new LocalFolderSiteStore(_folder.FullName));

    [Fact]
    public Task TheInMemoryStore_ListsETags_AndDeletes_AsTheRealOnesDo() =>
        SiteStoreDeletes.AssertListsETagsAndDeletesAsync(new InMemorySiteStore());

    [Theory]
    [InlineData("../escape.html")]
    [InlineData("a/../../escape.html")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b.html")]
    [InlineData("")]
    public async Task PathsLeavingTheFolder_AreRejected(string path)
    {
        var store = new LocalFolderSiteStore(_folder.FullName);
        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(path, [1], Html, WriteCondition.None, default));
    }

    [Fact]
    public async Task PublishedFolder_OpensFromDisk_WithEveryRelativeLinkResolving()
    {
        var store = new LocalFolderSiteStore(_folder.FullName);
        await SiteFixture.Publisher().PublishAsync(TestPapers.Request(TestPapers.Paper(), cover: TestPapers.TinyPng()), store, CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(_folder.FullName, "index.html")));
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "perspectives", "2026", "open-war", "open-war.pdf")));
        await SiteInvariants.AssertConsistentAsync(store);
    }
}
