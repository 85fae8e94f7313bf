using System.Text.Json;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Azure.Search;

/// <summary>
/// One search index update at a time per site, across every instance of the Functions app and `hiia serve`: a small
/// blob in the private `search` container, created only when absent (so one writer wins) and deleted by its holder.
/// A holder that died leaves it behind; past its <c>until</c> time the next taker replaces it, over that exact
/// version (ETag), so two takers of one stale lock cannot both win. Updates are read-modify-writes of two manifests
/// and the uploads between them; serialising them is what keeps the public manifest from naming a segment another
/// update overwrote.
/// </summary>
internal sealed class SearchIndexLock
{
    public const string Path = "lock.json";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private static readonly SiteObjectProperties Properties = new("application/json; charset=utf-8", "no-store");

    private readonly ISiteStore _store;
    private readonly string _etag;

    private SearchIndexLock(ISiteStore store, string etag)
    {
        _store = store;
        _etag = etag;
    }

    /// <summary>
    /// Takes the lock for at most <paramref name="hold"/>, waiting up to <paramref name="wait"/> for a holder to let
    /// go; null when it was still held then.
    /// </summary>
    public static async Task<SearchIndexLock?> TakeAsync(ISiteStore store, TimeSpan hold, TimeSpan wait, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            var content = JsonSerializer.SerializeToUtf8Bytes(new Holder(Guid.NewGuid().ToString("N"), time.GetUtcNow() + hold));
            var created = await store.WriteAsync(Path, content, Properties, WriteCondition.IfNotExists, cancellationToken);
            if (created.Succeeded) return new SearchIndexLock(store, created.ETag!);
            if (await store.ReadAsync(Path, cancellationToken) is { } held && Expired(held.Content, time))
            {
                var taken = await store.WriteAsync(Path, content, Properties, WriteCondition.IfETagMatches(held.Info.ETag), cancellationToken);
                if (taken.Succeeded) return new SearchIndexLock(store, taken.ETag!);
            }
            if (time.GetUtcNow() >= deadline) return null;
            await Task.Delay(Poll, time, cancellationToken);
        }
    }

    /// <summary>Lets go, unless another taker replaced this lock after it expired (then it is theirs to delete).</summary>
    public async Task ReleaseAsync()
    {
        // Not the caller's token: a cancelled run still lets go, or every other update would wait out the hold.
        if ((await _store.GetInfoAsync(Path, CancellationToken.None))?.ETag == _etag)
            await _store.DeleteAsync(Path, CancellationToken.None);
    }

    private static bool Expired(byte[] content, TimeProvider time)
    {
        try
        {
            return JsonSerializer.Deserialize<Holder>(content) is not { } holder || holder.Until <= time.GetUtcNow();
        }
        catch (JsonException)
        {
            return true; // unreadable: nobody can be holding it
        }
    }

    private sealed record Holder(string Owner, DateTimeOffset Until);
}
