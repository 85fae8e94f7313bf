using HiiaPublish.Workflow;

namespace HiiaPublish.Testing;

/// <summary>
/// A revision store that runs a piece of someone else's work right after the next read of a draft head has
/// answered: the deterministic way to put a concurrent upload between a review's check and its write.
/// </summary>
public sealed class InterleavingRevisionStore(IRevisionStore inner) : IRevisionStore
{
    private Func<Task>? _afterNextHeadRead;

    /// <summary>Runs <paramref name="interleaved"/> once, after the next <see cref="GetHeadAsync"/> has read the head and before it returns.</summary>
    public void AfterNextHeadRead(Func<Task> interleaved) => Volatile.Write(ref _afterNextHeadRead, interleaved);

    public async Task<StoredHead?> GetHeadAsync(string slug, CancellationToken cancellationToken)
    {
        var head = await inner.GetHeadAsync(slug, cancellationToken);
        // Taken before running, so the interleaved work's own head reads pass straight through.
        if (Interlocked.Exchange(ref _afterNextHeadRead, null) is { } interleaved) await interleaved();
        return head;
    }

    public Task<StoredRevision?> GetAsync(string slug, string revision, CancellationToken ct) => inner.GetAsync(slug, revision, ct);
    public Task<bool> TryCreateAsync(RevisionRecord record, CancellationToken ct) => inner.TryCreateAsync(record, ct);
    public Task<string?> TryReplaceAsync(RevisionRecord record, string etag, CancellationToken ct) => inner.TryReplaceAsync(record, etag, ct);
    public Task<IReadOnlyList<RevisionRecord>> ListRevisionsAsync(string slug, CancellationToken ct) => inner.ListRevisionsAsync(slug, ct);
    public Task<bool> TryWriteHeadAsync(DraftHead head, string? etag, CancellationToken ct) => inner.TryWriteHeadAsync(head, etag, ct);
    public Task<IReadOnlyList<DraftHead>> ListHeadsAsync(CancellationToken ct) => inner.ListHeadsAsync(ct);
}
