using HiiaPublish.Site;
using HiiaPublish.Site.Storage;
using HiiaPublish.Workflow;

namespace HiiaPublish.Workflow.Tests;

public class ReviewAndPublishTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<(MemoryWorkflow Flow, RevisionRecord Rendered)> RenderedAsync(string variant = "first")
    {
        var flow = new MemoryWorkflow();
        var uploaded = (await flow.Service.UploadAsync(Drafts.Small(variant: variant), People.Editor, None)).Value!;
        await flow.DrainAsync(WorkQueues.Render);
        return (flow, await flow.RecordAsync(uploaded.Slug, uploaded.Revision));
    }

    [Fact]
    public async Task Approval_ByAnotherCopyEditor_PublishesExactlyTheApprovedBytes_NeverReRendering()
    {
        var (flow, rendered) = await RenderedAsync();
        var approved = (await flow.Service.ApproveAsync(rendered.Slug, rendered.Revision, rendered.PreviewSha256, People.CopyEditor, None)).Value!;
        Assert.Equal(RevisionState.Approved, approved.State);

        flow.Renderer.Edition = "a different rendering";
        Assert.Equal(1, await flow.DrainAsync(WorkQueues.Publish));

        Assert.Equal(RevisionState.Published, (await flow.RecordAsync(rendered.Slug, rendered.Revision)).State);
        Assert.Equal(1, flow.Renderer.Calls);
        var catalogue = CatalogueSerializer.Deserialize((await flow.Site.ReadAsync(SitePaths.Catalogue, None))!.Content);
        var entry = Assert.Single(catalogue.Entries);
        var sitePdf = (await flow.Site.ReadAsync(entry.PdfPath, None))!.Content;
        Assert.Equal(rendered.PreviewSha256, ContentHash.Sha256Hex(sitePdf));
        Assert.NotNull(await flow.Site.ReadAsync(entry.LandingPath, None));
    }

    [Fact]
    public async Task PublishMessageDeliveredTwice_PublishesOnce()
    {
        var (flow, rendered) = await RenderedAsync();
        await flow.Service.ApproveAsync(rendered.Slug, rendered.Revision, rendered.PreviewSha256, People.CopyEditor, None);
        var message = new WorkMessage(rendered.Slug, rendered.Revision).ToJson();
        await flow.Service.HandlePublishAsync(message, None);
        var catalogueAfterFirst = (await flow.Site.ReadAsync(SitePaths.Catalogue, None))!.Info.ETag;
        await flow.Service.HandlePublishAsync(message, None);

        Assert.Equal(catalogueAfterFirst, (await flow.Site.ReadAsync(SitePaths.Catalogue, None))!.Info.ETag);
    }

    [Fact]
    public async Task SelfApproval_IsForbidden_WithASentenceSayingWhy()
    {
        var flow = new MemoryWorkflow();
        var uploaded = (await flow.Service.UploadAsync(Drafts.Small(), People.EditorAndCopyEditor, None)).Value!;
        await flow.DrainAsync(WorkQueues.Render);
        var rendered = await flow.RecordAsync(uploaded.Slug, uploaded.Revision);

        var problem = (await flow.Service.ApproveAsync(rendered.Slug, rendered.Revision, rendered.PreviewSha256, People.EditorAndCopyEditor, None)).Problem!;
        Assert.Equal(ProblemKind.Forbidden, problem.Kind);
        Assert.Contains("You uploaded this revision", problem.Detail);
        Assert.Equal(0, flow.Queue.Count(WorkQueues.Publish));
    }

    [Fact]
    public async Task EditorApproving_IsForbidden()
    {
        var (flow, rendered) = await RenderedAsync();
        var editor = new WorkflowPrincipal("editor-2", "Another Editor", [WorkflowPrincipal.EditorRole]);
        var problem = (await flow.Service.ApproveAsync(rendered.Slug, rendered.Revision, rendered.PreviewSha256, editor, None)).Problem!;
        Assert.Equal(ProblemKind.Forbidden, problem.Kind);
        Assert.Contains("CopyEditor role", problem.Detail);
    }

    [Fact]
    public async Task ApprovingAnOlderRevision_IsAConflict()
    {
        var (flow, older) = await RenderedAsync();
        await flow.Service.UploadAsync(Drafts.Small(variant: "second"), People.Editor, None);
        await flow.DrainAsync(WorkQueues.Render);

        var problem = (await flow.Service.ApproveAsync(older.Slug, older.Revision, older.PreviewSha256, People.CopyEditor, None)).Problem!;
        Assert.Equal(ProblemKind.Conflict, problem.Kind);
        Assert.Contains("newer", problem.Detail + problem.Title);
    }

    [Fact]
    public async Task ApprovingWithTheHashOfAnotherPdf_IsAConflict()
    {
        var (flow, rendered) = await RenderedAsync();
        var problem = (await flow.Service.ApproveAsync(rendered.Slug, rendered.Revision, new string('a', 64), People.CopyEditor, None)).Problem!;
        Assert.Equal(ProblemKind.Conflict, problem.Kind);
        Assert.Equal(RevisionState.Rendered, (await flow.RecordAsync(rendered.Slug, rendered.Revision)).State);
    }

    [Fact]
    public async Task ApprovingBeforeTheRender_IsAConflict()
    {
        var flow = new MemoryWorkflow();
        var uploaded = (await flow.Service.UploadAsync(Drafts.Small(), People.Editor, None)).Value!;
        var problem = (await flow.Service.ApproveAsync(uploaded.Slug, uploaded.Revision, new string('a', 64), People.CopyEditor, None)).Problem!;
        Assert.Equal(ProblemKind.Conflict, problem.Kind);
    }

    [Fact]
    public async Task RequestChanges_KeepsTheComment_AndTheRevisionCanNoLongerBeApproved()
    {
        var (flow, rendered) = await RenderedAsync();
        var sentBack = (await flow.Service.RequestChangesAsync(rendered.Slug, rendered.Revision, "Shorten the abstract.", People.CopyEditor, None)).Value!;
        Assert.Equal(RevisionState.ChangesRequested, sentBack.State);
        Assert.Equal("Shorten the abstract.", sentBack.Comment);

        var problem = (await flow.Service.ApproveAsync(rendered.Slug, rendered.Revision, rendered.PreviewSha256, People.OtherCopyEditor, None)).Problem!;
        Assert.Equal(ProblemKind.Conflict, problem.Kind);
    }

    [Fact]
    public async Task ConcurrentApprovals_ExactlyOneWins()
    {
        var (flow, rendered) = await RenderedAsync();
        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(n => Task.Run(() =>
            flow.Service.ApproveAsync(rendered.Slug, rendered.Revision, rendered.PreviewSha256, People.CopyEditorNumber(n), None))));

        Assert.Single(results, r => r.Value is not null);
        Assert.All(results.Where(r => r.Problem is not null), r => Assert.Contains(r.Problem!.Kind, new[] { ProblemKind.Conflict, ProblemKind.PreconditionFailed }));
        Assert.Equal(1, flow.Queue.Count(WorkQueues.Publish));
    }

    [Fact]
    public async Task RepeatedApprovalBySameReviewer_IsAnsweredTheSame()
    {
        var (flow, rendered) = await RenderedAsync();
        var first = (await flow.Service.ApproveAsync(rendered.Slug, rendered.Revision, rendered.PreviewSha256, People.CopyEditor, None)).Value!;
        var again = (await flow.Service.ApproveAsync(rendered.Slug, rendered.Revision, rendered.PreviewSha256!.ToUpperInvariant(), People.CopyEditor, None)).Value!;
        Assert.Equal(first.ReviewedAt, again.ReviewedAt);
        await flow.DrainAsync(WorkQueues.Publish);
        Assert.Equal(RevisionState.Published, (await flow.RecordAsync(rendered.Slug, rendered.Revision)).State);
    }

    [Fact]
    public async Task Queries_ListDraftsAndRevisions_NewestFirst()
    {
        var (flow, first) = await RenderedAsync();
        flow.Clock.Now = flow.Clock.Now.AddMinutes(5);
        var second = (await flow.Service.UploadAsync(Drafts.Small(variant: "second"), People.Editor, None)).Value!;

        var heads = (await flow.Service.ListDraftsAsync(People.CopyEditor, None)).Value!;
        Assert.Equal(second.Revision, Assert.Single(heads).LatestRevision);
        var draft = (await flow.Service.GetDraftAsync("small-paper", People.CopyEditor, None)).Value!;
        Assert.Equal([second.Revision, first.Revision], draft.Revisions.Select(r => r.Revision));
        Assert.NotNull((await flow.Service.GetPreviewAsync("small-paper", first.Revision, People.Editor, None)).Value);
        Assert.Equal(ProblemKind.Conflict, (await flow.Service.GetPreviewAsync("small-paper", second.Revision, People.Editor, None)).Problem!.Kind);
        Assert.Equal(ProblemKind.NotFound, (await flow.Service.GetDraftAsync("no-such-paper", People.Editor, None)).Problem!.Kind);
    }
}
