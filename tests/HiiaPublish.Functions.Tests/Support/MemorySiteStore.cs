using System.Runtime.CompilerServices;
using HiiaPublish.Core.Storage;

namespace HiiaPublish.Functions.Tests.Support;

/// <summary>A site store in memory with a new ETag on every write, for workflow tests that need no Azurite.</summary>
public sealed class MemorySiteStore : ISiteStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, SiteObject> _objects = new(StringComparer.Ordinal);
    private long _version;

    public Task<SiteObject?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_objects.GetValueOrDefault(path));
    }

    public Task<SiteObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_objects.GetValueOrDefault(path)?.Info);
    }

    public Task<SiteWriteResult> WriteAsync(string path, byte[] content, SiteObjectProperties properties, WriteCondition condition, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _objects.TryGetValue(path, out var current);
            if ((condition.IfNoneExists && current is not null) || (condition.IfMatch is not null && current?.Info.ETag != condition.IfMatch))
                return Task.FromResult(SiteWriteResult.PreconditionFailed);
            var etag = $"\"s{++_version}\"";
            _objects[path] = new SiteObject(content.ToArray(), new SiteObjectInfo(etag, ContentHash.Sha256Hex(content), content.Length, properties));
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
}
