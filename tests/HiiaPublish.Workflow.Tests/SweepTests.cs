using HiiaPublish.Format;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Workflow;

namespace HiiaPublish.Workflow.Tests;

/// <summary>
/// Issue 15, "nothing waits forever": a crash between a state write and its enqueue (upload → render, approval →
/// publish) leaves a revision with no message; the sweep finds it past <see cref="WorkflowService.StuckAfter"/> and
/// sends its work again, and sweeping again (or a message that was not lost) changes nothing.
/// </summary>
public class SweepTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A queue whose next enqueue dies, as a host killed right after the state write would.</summary>
    private sealed class CrashingQueue(IWorkQueue inner) : IWorkQueue
    {
        public bool CrashNext { get; set; }

        public Task EnqueueAsync(string queue, WorkMessage message, CancellationToken cancellationToken)
        {
            if (!CrashNext) return inner.EnqueueAsync(queue, message, cancellationToken);
            CrashNext = false;
            throw new IOException("The host died before the message was sent.");
        }
    }

    private static (MemoryWorkflow Flow, WorkflowService Crashing, CrashingQueue Queue) Setup()
    {
        var flow = new MemoryWorkflow();
        var queue = new CrashingQueue(flow.Queue);
        var service = new WorkflowService(flow.Revisions, flow.Drafts, queue, flow.Site, new PerspectiveParser(), flow.Renderer,
            new SitePublisher(SiteFixture.Renderer), flow.Clock, flow.FailedMessages, flow.Audit);
        return (flow, service, queue);
    }

    [Fact]
    public async Task AnUploadThatCrashedBeforeItsEnqueue_IsRenderedAfterTheSweep()
    {
        var (flow, service, queue) = Setup();
        queue.CrashNext = true;
        await Assert.ThrowsAsync<IOException>(() => service.UploadAsync(Drafts.Small(), People.Editor, None));
        var revision = (await flow.Revisions.ListRevisionsAsync("small-paper", None)).Single();
        Assert.Equal(RevisionState.Queued, revision.State);
        Assert.Equal(0, flow.Queue.Count(WorkQueues.Render)); // the message was lost

        // Too early: a message may still be on its way.
        flow.Clock.Now += WorkflowService.StuckAfter - TimeSpan.FromSeconds(1);
        Assert.Empty(await service.SweepAsync(None));

        flow.Clock.Now += TimeSpan.FromSeconds(2);
        var sent = await service.SweepAsync(None);

        Assert.Equal([new WorkMessage("small-paper", revision.Revision)], sent);
        Assert.Equal(1, await flow.DrainAsync(WorkQueues.Render));
        Assert.Equal(RevisionState.Rendered, (await flow.RecordAsync("small-paper", revision.Revision)).State);
        Assert.Empty(await service.SweepAsync(None)); // nothing left waiting: sweeping again sends nothing
    }

    [Fact]
    public async Task AnApprovalThatCrashedBeforeItsEnqueue_IsPublishedAfterTheSweep_AndASecondSweepIsHarmless()
    {
        var (flow, service, queue) = Setup();
        var uploaded = (await service.UploadAsync(Drafts.Small(), People.Editor, None)).Value!;
        await flow.DrainAsync(WorkQueues.Render);
        var rendered = await flow.RecordAsync(uploaded.Slug, uploaded.Revision);
        queue.CrashNext = true;
        await Assert.ThrowsAsync<IOException>(() => service.ApproveAsync(rendered.Slug, rendered.Revision, rendered.PreviewSha256, People.CopyEditor, None));
        Assert.Equal(RevisionState.Approved, (await flow.RecordAsync(uploaded.Slug, uploaded.Revision)).State);
        Assert.Equal(0, flow.Queue.Count(WorkQueues.Publish));

        flow.Clock.Now += WorkflowService.StuckAfter + TimeSpan.FromMinutes(1);
        // Two sweeps before any message is handled (overlapping timer runs): two messages, one publish.
        Assert.Single(await service.SweepAsync(None));
        Assert.Single(await service.SweepAsync(None));
        Assert.Equal(2, await flow.DrainAsync(WorkQueues.Publish));

        Assert.Equal(RevisionState.Published, (await flow.RecordAsync(uploaded.Slug, uploaded.Revision)).State);
        var catalogue = Site.CatalogueSerializer.Deserialize((await flow.Site.ReadAsync(Site.SitePaths.Catalogue, None))!.Content);
        Assert.Equal(uploaded.Revision, catalogue.Entries.Single().Revision);
        Assert.Empty(await service.SweepAsync(None));
    }

    [Fact]
    public async Task SettledAndWaitingForReviewRevisions_AreNeverSwept()
    {
        var (flow, service, _) = Setup();
        await service.UploadAsync(Drafts.Small(variant: "first"), People.Editor, None);
        await service.UploadAsync(Drafts.Broken(), People.Editor, None);
        await flow.DrainAsync(WorkQueues.Render); // rendered: waits for a copy editor, not for a message

        flow.Clock.Now += TimeSpan.FromDays(2);

        Assert.Empty(await service.SweepAsync(None));
    }
}
