using HiiaPublish.Workflow;

namespace HiiaPublish.Workflow.Tests;

/// <summary>
/// A new upload that lands between a review's "is this still the latest revision?" check and the review's
/// write: the review must lose (409), never approve or send back a revision that is no longer the latest.
/// </summary>
public class ReviewDuringUploadTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task UploadBetweenTheStaleCheckAndTheApproval_TheApprovalIsAConflict_AndNothingIsPublished()
    {
        InterleavingRevisionStore? interleaving = null;
        var flow = new MemoryWorkflow(store => interleaving = new InterleavingRevisionStore(store));
        var older = await RenderedAsync(flow);

        RevisionRecord? newer = null;
        interleaving!.AfterNextHeadRead(async () =>
            newer = (await flow.Service.UploadAsync(Drafts.Small(variant: "second"), People.Editor, None)).Value);
        var result = await flow.Service.ApproveAsync(older.Slug, older.Revision, older.PreviewSha256, People.CopyEditor, None);

        Assert.NotNull(newer);
        Assert.Equal(newer.Revision, (await flow.Revisions.GetHeadAsync(older.Slug, None))!.Head.LatestRevision);
        Assert.Equal(ProblemKind.Conflict, result.Problem?.Kind);
        Assert.Contains("newer", result.Problem!.Title);
        Assert.Equal(RevisionState.Rendered, (await flow.RecordAsync(older.Slug, older.Revision)).State);
        Assert.Equal(0, flow.Queue.Count(WorkQueues.Publish));
    }

    [Fact]
    public async Task UploadBetweenTheStaleCheckAndRequestChanges_IsAConflict()
    {
        InterleavingRevisionStore? interleaving = null;
        var flow = new MemoryWorkflow(store => interleaving = new InterleavingRevisionStore(store));
        var older = await RenderedAsync(flow);

        interleaving!.AfterNextHeadRead(() => flow.Service.UploadAsync(Drafts.Small(variant: "second"), People.Editor, None));
        var result = await flow.Service.RequestChangesAsync(older.Slug, older.Revision, "Shorten the abstract.", People.CopyEditor, None);

        Assert.Equal(ProblemKind.Conflict, result.Problem?.Kind);
        Assert.Equal(RevisionState.Rendered, (await flow.RecordAsync(older.Slug, older.Revision)).State);
    }

    [Fact]
    public async Task AnInvalidUploadMeanwhile_DoesNotMoveTheHead_SoTheApprovalStillWins()
    {
        InterleavingRevisionStore? interleaving = null;
        var flow = new MemoryWorkflow(store => interleaving = new InterleavingRevisionStore(store));
        var rendered = await RenderedAsync(flow);

        interleaving!.AfterNextHeadRead(() => flow.Service.UploadAsync(Drafts.Broken(), People.Editor, None));
        var result = await flow.Service.ApproveAsync(rendered.Slug, rendered.Revision, rendered.PreviewSha256, People.CopyEditor, None);

        Assert.Null(result.Problem);
        Assert.Equal(RevisionState.Approved, (await flow.RecordAsync(rendered.Slug, rendered.Revision)).State);
        Assert.Equal(1, flow.Queue.Count(WorkQueues.Publish));
    }

    private static async Task<RevisionRecord> RenderedAsync(MemoryWorkflow flow)
    {
        var uploaded = (await flow.Service.UploadAsync(Drafts.Small(), People.Editor, None)).Value!;
        await flow.DrainAsync(WorkQueues.Render);
        return await flow.RecordAsync(uploaded.Slug, uploaded.Revision);
    }
}
