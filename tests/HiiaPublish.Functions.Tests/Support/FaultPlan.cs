using System.Runtime.CompilerServices;
using HiiaPublish.Site.Storage;
using HiiaPublish.Workflow;

namespace HiiaPublish.Functions.Tests.Support;

/// <summary>
/// Counts every storage operation of the workflow (table, drafts, queue, site) and makes exactly one of them
/// fail, before it reaches storage or after it succeeded: a worker killed at that line.
/// </summary>
public sealed class FaultPlan
{
    private int _operations;
    private int _failAt;
    private bool _afterTheOperation;
    private int _fired;

    public int Operations => Volatile.Read(ref _operations);
    public bool Fired => Volatile.Read(ref _fired) == 1;

    /// <summary>Counts from zero again; the <paramref name="failAt"/>th operation (1-based) fails, none when 0.</summary>
    public void Arm(int failAt, bool afterTheOperation)
    {
        (_operations, _failAt, _afterTheOperation, _fired) = (0, failAt, afterTheOperation, 0);
    }

    public async Task<T> RunAsync<T>(Func<Task<T>> operation, [CallerMemberName] string name = "")
    {
        var number = Interlocked.Increment(ref _operations);
        var fail = number == _failAt && Interlocked.Exchange(ref _fired, 1) == 0;
        if (fail && !_afterTheOperation) throw new InjectedFaultException($"Injected fault before operation {number} ({name}).");
        var result = await operation();
        if (fail) throw new InjectedFaultException($"Injected fault after operation {number} ({name}).");
        return result;
    }

    public Task RunAsync(Func<Task> operation, [CallerMemberName] string name = "") =>
        RunAsync(async () => { await operation(); return true; }, name);
}

public sealed class InjectedFaultException(string message) : Exception(message);

public sealed class FaultyRevisionStore(IRevisionStore inner, FaultPlan plan) : IRevisionStore
{
    public Task<StoredRevision?> GetAsync(string slug, string revision, CancellationToken ct) => plan.RunAsync(() => inner.GetAsync(slug, revision, ct));
    public Task<bool> TryCreateAsync(RevisionRecord record, CancellationToken ct) => plan.RunAsync(() => inner.TryCreateAsync(record, ct));
    public Task<string?> TryReplaceAsync(RevisionRecord record, string etag, CancellationToken ct) => plan.RunAsync(() => inner.TryReplaceAsync(record, etag, ct));
    public Task<IReadOnlyList<RevisionRecord>> ListRevisionsAsync(string slug, CancellationToken ct) => plan.RunAsync(() => inner.ListRevisionsAsync(slug, ct));
    public Task<StoredHead?> GetHeadAsync(string slug, CancellationToken ct) => plan.RunAsync(() => inner.GetHeadAsync(slug, ct));
    public Task<bool> TryWriteHeadAsync(DraftHead head, string? etag, CancellationToken ct) => plan.RunAsync(() => inner.TryWriteHeadAsync(head, etag, ct));
    public Task<IReadOnlyList<DraftHead>> ListHeadsAsync(CancellationToken ct) => plan.RunAsync(() => inner.ListHeadsAsync(ct));
}

public sealed class FaultyDraftStore(IDraftStore inner, FaultPlan plan) : IDraftStore
{
    public Task PutFileAsync(string slug, string revision, string fileName, byte[] content, CancellationToken ct) => plan.RunAsync(() => inner.PutFileAsync(slug, revision, fileName, content, ct));
    public Task<byte[]?> GetFileAsync(string slug, string revision, string fileName, CancellationToken ct) => plan.RunAsync(() => inner.GetFileAsync(slug, revision, fileName, ct));
    public Task PutPreviewAsync(string slug, string revision, byte[] pdf, CancellationToken ct) => plan.RunAsync(() => inner.PutPreviewAsync(slug, revision, pdf, ct));
    public Task<byte[]?> GetPreviewAsync(string slug, string revision, CancellationToken ct) => plan.RunAsync(() => inner.GetPreviewAsync(slug, revision, ct));
}

public sealed class FaultyWorkQueue(IWorkQueue inner, FaultPlan plan) : IWorkQueue
{
    public Task EnqueueAsync(string queue, WorkMessage message, CancellationToken ct) => plan.RunAsync(() => inner.EnqueueAsync(queue, message, ct));
}

public sealed class FaultySiteStore(ISiteStore inner, FaultPlan plan) : ISiteStore
{
    public Task<SiteObject?> ReadAsync(string path, CancellationToken ct) => plan.RunAsync(() => inner.ReadAsync(path, ct));
    public Task<SiteObjectInfo?> GetInfoAsync(string path, CancellationToken ct) => plan.RunAsync(() => inner.GetInfoAsync(path, ct));
    public Task<SiteWriteResult> WriteAsync(string path, byte[] content, SiteObjectProperties properties, WriteCondition condition, CancellationToken ct) =>
        plan.RunAsync(() => inner.WriteAsync(path, content, properties, condition, ct));
    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken ct) => inner.ListAsync(prefix, ct);
}

public sealed class FaultyFailedMessageStore(IFailedMessageStore inner, FaultPlan plan) : IFailedMessageStore
{
    public Task KeepAsync(FailedMessage message, CancellationToken ct) => plan.RunAsync(() => inner.KeepAsync(message, ct));
    public Task<IReadOnlyList<FailedMessage>> ListAsync(string queue, CancellationToken ct) => inner.ListAsync(queue, ct);
}
