using HiiaPublish.Site.Storage;

namespace HiiaPublish.Site.Tests.Support;

/// <summary>Runs <paramref name="beforeWrite"/> once, just before the first write to <paramref name="path"/>: a way to make another publish land at an exact moment.</summary>
public sealed class HookedSiteStore(ISiteStore inner, string path, Func<Task> beforeWrite) : ISiteStore
{
    private int _fired;

    public Task<SiteObject?> ReadAsync(string p, CancellationToken cancellationToken) => inner.ReadAsync(p, cancellationToken);

    public Task<SiteObjectInfo?> GetInfoAsync(string p, CancellationToken cancellationToken) => inner.GetInfoAsync(p, cancellationToken);

    public async Task<SiteWriteResult> WriteAsync(string p, byte[] content, SiteObjectProperties properties, WriteCondition condition, CancellationToken cancellationToken)
    {
        if (p == path && Interlocked.Exchange(ref _fired, 1) == 0) await beforeWrite();
        return await inner.WriteAsync(p, content, properties, condition, cancellationToken);
    }

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
}
