using System.Collections.Concurrent;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Site.Publishing;

/// <summary>
/// Writes site objects, skipping any whose bytes and headers are already stored, so publishing the same thing
/// twice changes no object and no ETag. Counts what it really wrote.
/// </summary>
internal sealed class SiteWriter(ISiteStore store, CancellationToken cancellationToken)
{
    private readonly ConcurrentQueue<string> _written = new();
    private long _bytes;

    public IReadOnlyList<string> WrittenPaths => _written.ToArray();
    public long BytesWritten => Interlocked.Read(ref _bytes);

    public async Task WriteIfChangedAsync(string path, byte[] content, SiteObjectProperties properties)
    {
        var current = await store.GetInfoAsync(path, cancellationToken);
        if (current is not null && current.ContentSha256 == ContentHash.Sha256Hex(content)
            && (current.Properties is null || current.Properties == properties))
            return;
        await store.WriteAsync(path, content, properties, WriteCondition.None, cancellationToken);
        Record(path, content.Length);
    }

    /// <summary>Writes without reading first: for an object known to have changed, where the read would only cost time.</summary>
    public async Task WriteChangedAsync(string path, byte[] content, SiteObjectProperties properties)
    {
        await store.WriteAsync(path, content, properties, WriteCondition.None, cancellationToken);
        Record(path, content.Length);
    }

    public void Record(string path, long bytes)
    {
        _written.Enqueue(path);
        Interlocked.Add(ref _bytes, bytes);
    }
}
