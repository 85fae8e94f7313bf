using System.Text;
using HiiaPublish.Workflow;

namespace HiiaPublish.Workflow.Tests;

public class UploadAndRenderTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ValidUpload_IsQueuedUnderItsSlug_AndBecomesTheLatestRevision()
    {
        var flow = new MemoryWorkflow();
        var result = await flow.Service.UploadAsync(Drafts.Small(), People.Editor, None);

        var record = result.Value!;
        Assert.Equal(RevisionState.Queued, record.State);
        Assert.Equal("small-paper", record.Slug);
        Assert.Equal(Drafts.Small().RevisionId(), record.Revision);
        Assert.Equal(1, flow.Queue.Count(WorkQueues.Render));
        Assert.Equal(record.Revision, (await flow.Revisions.GetHeadAsync("small-paper", None))!.Head.LatestRevision);
    }

    [Fact]
    public void RevisionId_DependsOnSourceAndEveryAsset()
    {
        var plain = new DraftFiles("a.md", [1, 2], [new("x.png", [3])]);
        Assert.Equal(plain.RevisionId(), new DraftFiles("a.md", [1, 2], [new("x.png", [3])]).RevisionId());
        Assert.NotEqual(plain.RevisionId(), new DraftFiles("a.md", [1, 2], [new("x.png", [4])]).RevisionId());
        Assert.NotEqual(plain.RevisionId(), new DraftFiles("a.md", [1, 2, 3], []).RevisionId());
        Assert.NotEqual(plain.RevisionId(), new DraftFiles("a.md", [1, 2], [new("y.png", [3])]).RevisionId());
    }

    [Fact]
    public async Task InvalidUpload_KeepsDiagnostics_QueuesNothing_AndDoesNotMoveTheHead()
    {
        var flow = new MemoryWorkflow();
        var good = (await flow.Service.UploadAsync(Drafts.Small(), People.Editor, None)).Value!;
        var brokenText = Drafts.SmallMarkdown("small-paper", "broken").Replace("title: A Small Paper on broken\n", "");
        var broken = (await flow.Service.UploadAsync(new DraftFiles("small-paper.md", Encoding.UTF8.GetBytes(brokenText), []), People.Editor, None)).Value!;

        Assert.Equal(RevisionState.Invalid, broken.State);
        Assert.Contains(broken.Diagnostics, d => d.Severity == "error");
        Assert.Equal(1, flow.Queue.Count(WorkQueues.Render));
        Assert.Equal(good.Revision, (await flow.Revisions.GetHeadAsync("small-paper", None))!.Head.LatestRevision);
    }

    [Fact]
    public async Task UploadWithoutSignInOrRole_IsRefused()
    {
        var flow = new MemoryWorkflow();
        Assert.Equal(ProblemKind.Unauthorized, (await flow.Service.UploadAsync(Drafts.Small(), null, None)).Problem!.Kind);
        var nobody = new WorkflowPrincipal("x", "X", []);
        Assert.Equal(ProblemKind.Forbidden, (await flow.Service.UploadAsync(Drafts.Small(), nobody, None)).Problem!.Kind);
        Assert.Equal(0, flow.Queue.Count(WorkQueues.Render));
    }

    [Fact]
    public async Task RenderMessageDeliveredTwice_RendersOnce()
    {
        var flow = new MemoryWorkflow();
        var record = (await flow.Service.UploadAsync(Drafts.Small(), People.Editor, None)).Value!;
        var message = new WorkMessage(record.Slug, record.Revision).ToJson();

        await flow.Service.HandleRenderAsync(message, None);
        await flow.Service.HandleRenderAsync(message, None);

        var rendered = await flow.RecordAsync(record.Slug, record.Revision);
        Assert.Equal(RevisionState.Rendered, rendered.State);
        Assert.Equal(1, flow.Renderer.Calls);
        var preview = await flow.Drafts.GetPreviewAsync(record.Slug, record.Revision, None);
        Assert.Equal(rendered.PreviewSha256, Site.Storage.ContentHash.Sha256Hex(preview!));
    }

    [Fact]
    public async Task SameFilesUploadedAgain_IsTheSameRevision_NotADuplicate()
    {
        var flow = new MemoryWorkflow();
        var first = (await flow.Service.UploadAsync(Drafts.Small(), People.Editor, None)).Value!;
        await flow.DrainAsync(WorkQueues.Render);
        var again = (await flow.Service.UploadAsync(Drafts.Small(), People.Editor, None)).Value!;

        Assert.Equal(first.Revision, again.Revision);
        Assert.Equal(RevisionState.Rendered, again.State);
        Assert.Single(await flow.Revisions.ListRevisionsAsync("small-paper", None));
        Assert.Equal(0, flow.Queue.Count(WorkQueues.Render));
    }

    [Fact]
    public async Task AlwaysFailingRender_AfterPoison_IsFailedWithTheReason_AndAReuploadStartsAgain()
    {
        var flow = new MemoryWorkflow();
        flow.Renderer.FailWith = new IOException("disk on fire");
        var record = (await flow.Service.UploadAsync(Drafts.Small(), People.Editor, None)).Value!;
        var message = new WorkMessage(record.Slug, record.Revision).ToJson();
        for (var attempt = 0; attempt < WorkQueues.MaxAttempts; attempt++)
            await Assert.ThrowsAsync<IOException>(() => flow.Service.HandleRenderAsync(message, None));

        await flow.Service.HandlePoisonAsync("render-poison", "poison-1", message, None);

        var failed = await flow.RecordAsync(record.Slug, record.Revision);
        Assert.Equal(RevisionState.Failed, failed.State);
        Assert.Contains("disk on fire", failed.FailureReason);
        Assert.Equal(message, failed.KeptMessage);

        flow.Renderer.FailWith = null;
        flow.Queue.TryDequeue(WorkQueues.Render, out _);
        flow.Clock.Now += TimeSpan.FromMinutes(3);
        Assert.Equal(RevisionState.Queued, (await flow.Service.UploadAsync(Drafts.Small(), People.Editor, None)).Value!.State);
        await flow.DrainAsync(WorkQueues.Render);
        Assert.Equal(RevisionState.Rendered, (await flow.RecordAsync(record.Slug, record.Revision)).State);
        // The timeline shows the fresh start: a second upload, by its sender, after the failure and before the render.
        var kinds = RevisionHistory.EventsOf(await flow.RecordAsync(record.Slug, record.Revision)).Select(e => e.Kind).ToArray();
        Assert.Equal([RevisionEventKind.Uploaded, RevisionEventKind.Failed, RevisionEventKind.Uploaded, RevisionEventKind.Rendered], kinds);
        var again = RevisionHistory.EventsOf(await flow.RecordAsync(record.Slug, record.Revision))[2];
        Assert.Equal((flow.Clock.Now, People.Editor.Id), (again.At, again.ById));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"slug\":\"../etc\",\"revision\":\"x\"}")]
    [InlineData("[1,2,3]")]
    public async Task MalformedMessages_AreIgnored_NotThrown(string message)
    {
        var flow = new MemoryWorkflow();
        await flow.Service.HandleRenderAsync(message, None);
        await flow.Service.HandlePublishAsync(message, None);
        await flow.Service.HandlePoisonAsync("render-poison", "poison-1", message, None);
        Assert.Equal(0, flow.Renderer.Calls);
        // Even a message that names no revision is kept for whoever investigates.
        Assert.Equal(message, Assert.Single(await flow.FailedMessages.ListAsync("render-poison", None)).Text);
    }

    [Theory]
    [InlineData("../secret.png")]
    [InlineData("/etc/passwd")]
    [InlineData("a/b/c.png")]
    [InlineData("..")]
    [InlineData("images/..")]
    [InlineData("c:evil.png")]
    [InlineData("back\\slash.png")]
    public async Task TraversalFileNames_AreRefusedBeforeAnythingIsStored(string name)
    {
        var flow = new MemoryWorkflow();
        var small = Drafts.Small();
        var files = new DraftFiles(small.SourceFile, small.Source, [new(name, [1, 2, 3])]);
        var problem = (await flow.Service.UploadAsync(files, People.Editor, None)).Problem!;
        Assert.Equal(ProblemKind.BadRequest, problem.Kind);
        Assert.Empty(flow.Drafts.Names);
    }
}
