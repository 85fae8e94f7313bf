namespace HiiaPublish.Workflow.InMemory;

/// <summary>Revision records in memory with store-like ETags (new on every write), for tests and single-process tools.</summary>
public sealed class InMemoryRevisionStore : IRevisionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, string), StoredRevision> _revisions = [];
    private readonly Dictionary<string, StoredHead> _heads = new(StringComparer.Ordinal);
    private long _version;

    public Task<StoredRevision?> GetAsync(string slug, string revision, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_revisions.GetValueOrDefault((slug, revision)));
    }

    public Task<bool> TryCreateAsync(RevisionRecord record, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_revisions.TryAdd((record.Slug, record.Revision), new StoredRevision(record, NextETag())));
    }

    public Task<string?> TryReplaceAsync(RevisionRecord record, string etag, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var key = (record.Slug, record.Revision);
            if (!_revisions.TryGetValue(key, out var current) || current.ETag != etag) return Task.FromResult<string?>(null);
            var next = NextETag();
            _revisions[key] = new StoredRevision(record, next);
            return Task.FromResult<string?>(next);
        }
    }

    public Task<IReadOnlyList<RevisionRecord>> ListRevisionsAsync(string slug, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<RevisionRecord>>(_revisions.Values.Where(r => r.Record.Slug == slug).Select(r => r.Record).ToArray());
    }

    public Task<IReadOnlyList<RevisionRecord>> ListInStatesAsync(IReadOnlyCollection<RevisionState> states, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<RevisionRecord>>(_revisions.Values.Select(r => r.Record).Where(r => states.Contains(r.State)).ToArray());
    }

    public Task<StoredHead?> GetHeadAsync(string slug, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_heads.GetValueOrDefault(slug));
    }

    public Task<bool> TryWriteHeadAsync(DraftHead head, string? etag, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var exists = _heads.TryGetValue(head.Slug, out var current);
            if (etag is null ? exists : !exists || current!.ETag != etag) return Task.FromResult(false);
            _heads[head.Slug] = new StoredHead(head, NextETag());
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<DraftHead>> ListHeadsAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<DraftHead>>(_heads.Values.Select(h => h.Head).ToArray());
    }

    public Task<IReadOnlyList<string>> ListSlugsAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<string>>(_revisions.Keys.Select(k => k.Item1).Distinct(StringComparer.Ordinal).ToArray());
    }

    private string NextETag() => $"\"m{++_version}\"";
}
