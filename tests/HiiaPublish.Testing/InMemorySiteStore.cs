using System.Runtime.CompilerServices;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Testing;

/// <summary>
/// A site store in memory with Azure-like ETags (a new one on every write, even of equal bytes), so a test can
/// see whether an object was written at all.
/// </summary>
public sealed class InMemorySiteStore : ISiteStore
{
    private readonly object _gate = new();
    private readonly SortedDictionary<string, SiteObject> _objects = new(StringComparer.Ordinal);
    private long _version;

    public int Writes { get; private set; }

    private readonly Dictionary<string, int> _reads = new(StringComparer.Ordinal);

    /// <summary>How many times the bytes of <paramref name="path"/> were read (info requests not counted).</summary>
    public int ReadsOf(string path)
    {
        lock (_gate) return _reads.GetValueOrDefault(path);
    }

    public Task<SiteObject?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _reads[path] = _reads.GetValueOrDefault(path) + 1;
            return Task.FromResult(_objects.TryGetValue(SitePathRules.Require(path), out var found) ? found : null);
        }
    }

    public Task<SiteObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_objects.TryGetValue(SitePathRules.Require(path), out var found) ? found.Info : null);
    }

    public Task<SiteWriteResult> WriteAsync(string path, byte[] content, SiteObjectProperties properties, WriteCondition condition, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _objects.TryGetValue(SitePathRules.Require(path), out var current);
            if ((condition.IfNoneExists && current is not null) || (condition.IfMatch is not null && current?.Info.ETag != condition.IfMatch))
                return Task.FromResult(SiteWriteResult.PreconditionFailed);
            var etag = $"\"v{++_version}\"";
            _objects[path] = new SiteObject(content.ToArray(), new SiteObjectInfo(etag, ContentHash.Sha256Hex(content), content.Length, properties));
            Writes++;
            return Task.FromResult(SiteWriteResult.Written(etag));
        }
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string[] paths;
        lock (_gate) paths = _objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        foreach (var path in paths) yield return path;
        await Task.CompletedTask;
    }

    public int Deletes { get; private set; }

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var removed = _objects.Remove(SitePathRules.Require(path));
            if (removed) Deletes++;
            return Task.FromResult(removed);
        }
    }

    public IReadOnlyDictionary<string, SiteObject> Snapshot()
    {
        lock (_gate) return new SortedDictionary<string, SiteObject>(_objects, StringComparer.Ordinal);
    }
}
