using HiiaPublish.Site.Storage;

namespace HiiaPublish.Testing;

/// <summary>What the search index step relies on from every store: a listing with current ETags, and deletes.</summary>
public static class SiteStoreDeletes
{
    private static readonly SiteObjectProperties Binary = new("application/octet-stream", "public, max-age=300");

    public static async Task AssertListsETagsAndDeletesAsync(ISiteStore store)
    {
        var first = await store.WriteAsync("pagefind/fragment/en_1.pf_fragment", "one"u8.ToArray(), Binary, WriteCondition.None, default);
        var second = await store.WriteAsync("pagefind/index/en_2.pf_index", "two"u8.ToArray(), Binary, WriteCondition.None, default);
        await store.WriteAsync("other/page.html", "three"u8.ToArray(), Binary, WriteCondition.None, default);

        var listed = await store.ListEntriesAsync("pagefind/", default).ToArrayAsync();

        // The ETags a listing gives are the ones a conditional write and GetInfo use.
        Assert.Equal([new SiteListEntry("pagefind/fragment/en_1.pf_fragment", first.ETag!), new SiteListEntry("pagefind/index/en_2.pf_index", second.ETag!)], listed);
        Assert.True(await store.DeleteAsync("pagefind/fragment/en_1.pf_fragment", default));
        Assert.False(await store.DeleteAsync("pagefind/fragment/en_1.pf_fragment", default));
        Assert.Null(await store.ReadAsync("pagefind/fragment/en_1.pf_fragment", default));
        Assert.Equal(["pagefind/index/en_2.pf_index"], await store.ListAsync("pagefind/", default).ToArrayAsync());
        Assert.NotNull(await store.GetInfoAsync("other/page.html", default));
    }
}
