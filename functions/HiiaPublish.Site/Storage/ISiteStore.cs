namespace HiiaPublish.Site.Storage;

/// <summary>
/// Where the public site lives: a local folder or the `$web` blob container. Paths are relative, with '/',
/// e.g. "perspectives/2026/some-slug/index.html". Every write replaces a whole object at once, so a reader
/// sees the old bytes or the new ones, never a mix.
/// </summary>
public interface ISiteStore
{
    /// <summary>The object's bytes, ETag and headers, or null when it does not exist.</summary>
    Task<SiteObject?> ReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>The object's ETag and content hash without its bytes, or null when it does not exist.</summary>
    Task<SiteObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the whole object when <paramref name="condition"/> holds. A condition that does not hold is a
    /// normal outcome (<see cref="SiteWriteResult.PreconditionFailed"/>), not an exception: callers retry.
    /// </summary>
    Task<SiteWriteResult> WriteAsync(string path, byte[] content, SiteObjectProperties properties,
        WriteCondition condition, CancellationToken cancellationToken);

    /// <summary>Every object path starting with <paramref name="prefix"/>, in ordinal order.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// Every object starting with <paramref name="prefix"/> with its ETag, in ordinal order. A store that lists
    /// ETags with the names (a blob listing does) answers in one call; this default asks for each object's info.
    /// </summary>
    async IAsyncEnumerable<SiteListEntry> ListEntriesAsync(string prefix,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var path in ListAsync(prefix, cancellationToken))
            if (await GetInfoAsync(path, cancellationToken) is { } info)
                yield return new SiteListEntry(path, info.ETag);
    }

    /// <summary>
    /// Removes the object; true when it was there. Only the search index's clean-up deletes (old index files no
    /// build names any more). A default that refuses, so that stores which never delete need not say so.
    /// </summary>
    Task<bool> DeleteAsync(string path, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot delete objects.");
}

/// <summary>One object of a listing: its path and current ETag.</summary>
public sealed record SiteListEntry(string Path, string ETag);
