using HiiaPublish.Format;
using HiiaPublish.Pdf.Audit;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Workflow;
using HiiaPublish.Workflow.InMemory;

namespace HiiaPublish.Testing;

/// <summary>The workflow over in-memory stores, with a clock the test moves and a fake renderer.</summary>
public sealed class MemoryWorkflow
{
    private static readonly PerspectiveParser Parser = new();

    /// <param name="wrapRevisions">Puts a decorator around the revision store the workflow uses (the test keeps the plain one in <see cref="Revisions"/>).</param>
    /// <param name="audit">The PDF audit (a <see cref="FakePdfAudit"/>, <see cref="Audit"/>, by default: the fake renderer's PDFs are not real).</param>
    /// <param name="search">What takes a publish's pages into the site's search index (none by default).</param>
    public MemoryWorkflow(Func<IRevisionStore, IRevisionStore>? wrapRevisions = null, IPdfAudit? audit = null,
        HiiaPublish.Site.Search.ISiteSearchUpdater? search = null)
    {
        Service = new WorkflowService(wrapRevisions?.Invoke(Revisions) ?? Revisions, Drafts, Queue, Site, Parser, Renderer,
            new SitePublisher(SiteFixture.Renderer), Clock, FailedMessages, audit ?? Audit, search: search);
    }

    public InMemoryRevisionStore Revisions { get; } = new();
    public InMemoryDraftStore Drafts { get; } = new();
    public InMemoryWorkQueue Queue { get; } = new();
    public InMemoryFailedMessageStore FailedMessages { get; } = new();
    public InMemorySiteStore Site { get; } = new();
    public FakePreviewRenderer Renderer { get; } = new();
    public FakePdfAudit Audit { get; } = new();
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 4, 21, 9, 0, 0, TimeSpan.Zero));
    public WorkflowService Service { get; }

    /// <summary>Delivers every queued message of <paramref name="queue"/> once; returns how many there were.</summary>
    public async Task<int> DrainAsync(string queue)
    {
        var handled = 0;
        while (Queue.TryDequeue(queue, out var message))
        {
            handled++;
            if (queue == WorkQueues.Render) await Service.HandleRenderAsync(message, CancellationToken.None);
            else await Service.HandlePublishAsync(message, CancellationToken.None);
        }
        return handled;
    }

    public async Task<RevisionRecord> RecordAsync(string slug, string revision) =>
        (await Revisions.GetAsync(slug, revision, CancellationToken.None))!.Record;
}
