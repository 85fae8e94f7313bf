using System.Text;
using HiiaPublish.Format;

namespace HiiaPublish.Workflow.Tests;

/// <summary>
/// What the desk's list and timeline rest on: revision numbers in upload order, the attention a paper needs (a
/// newer broken upload never hides a revision waiting for review), the baseline changes are shown against, and a
/// history written by the same guarded write as each transition.
/// </summary>
public class HistoryAndAttentionTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string Slug = "small-paper";

    private static DraftFiles Broken() => new($"{Slug}.md", Encoding.UTF8.GetBytes(Drafts.SmallMarkdown(Slug, "broken").Replace("date: 2026-03-17", "date: someday")), []);

    private static async Task<RevisionRecord> UploadAsync(MemoryWorkflow flow, DraftFiles files, WorkflowPrincipal? who = null)
    {
        flow.Clock.Now += TimeSpan.FromMinutes(5);
        var record = (await flow.Service.UploadAsync(files, who ?? People.Editor, None)).Value!;
        await flow.DrainAsync(WorkQueues.Render);
        return await flow.RecordAsync(record.Slug, record.Revision);
    }

    private static async Task<DraftSummary> SummaryAsync(MemoryWorkflow flow) =>
        Assert.Single((await flow.Service.ListDraftSummariesAsync(People.CopyEditor, None)).Value!);

    private static async Task PublishAsync(MemoryWorkflow flow, RevisionRecord rendered)
    {
        flow.Clock.Now += TimeSpan.FromMinutes(5);
        Assert.Null((await flow.Service.ApproveAsync(Slug, rendered.Revision, rendered.PreviewSha256, People.CopyEditor, None)).Problem);
        await flow.DrainAsync(WorkQueues.Publish);
    }

    [Fact]
    public async Task ABrokenUploadOnTopOfAReviewableRevision_LeavesThePaperWaitingForReviewOfThatRevision()
    {
        var flow = new MemoryWorkflow();
        var first = await UploadAsync(flow, Drafts.Small(Slug, "first"));
        var broken = await UploadAsync(flow, Broken());
        Assert.Equal(RevisionState.Invalid, broken.State);

        var summary = await SummaryAsync(flow);
        Assert.Equal("review", summary.Status);
        Assert.Equal(new DraftAttention("review", first.Revision, 1, People.Editor.Id, People.Editor.Name), summary.Attention);
        var view = (await flow.Service.GetDraftAsync(Slug, People.CopyEditor, None)).Value!;
        Assert.Equal(1, view.Numbers![first.Revision]);
        Assert.Equal(2, view.Numbers[broken.Revision]);
    }

    [Fact]
    public async Task APaperWhoseEveryUploadIsBroken_IsListedWithProblems_ForItsEditor()
    {
        var flow = new MemoryWorkflow();
        var broken = await UploadAsync(flow, Broken());
        var summary = await SummaryAsync(flow);
        Assert.Equal(("problems", broken.Revision, 1, People.Editor.Id), (summary.Status, summary.Attention.Revision, summary.Attention.Number, summary.Attention.UploadedBy));
        Assert.Equal("", summary.LatestRevision);
    }

    [Fact]
    public async Task APublishedPaper_IsPublishedWithItsDate_UntilANewerUploadNeedsSomeone()
    {
        var flow = new MemoryWorkflow();
        var first = await UploadAsync(flow, Drafts.Small(Slug, "first"));
        await UploadAsync(flow, Broken()); // before the approval: settled by the publication that follows
        await PublishAsync(flow, first);

        var published = await SummaryAsync(flow);
        Assert.Equal(("published", "none"), (published.Status, published.Attention.State));
        Assert.Equal(first.Revision, published.Published!.Revision);
        Assert.Equal(flow.Clock.GetUtcNow(), published.Published.At);
        Assert.Equal($"perspectives/2026/{Slug}/index.html", published.Published.PublicPath);

        var afterPublishing = await UploadAsync(flow, Broken().WithSource(Drafts.SmallMarkdown(Slug, "still broken").Replace("date: 2026-03-17", "date: never")));
        var problems = await SummaryAsync(flow);
        Assert.Equal(("problems", afterPublishing.Revision, 3), (problems.Attention.State, problems.Attention.Revision, problems.Attention.Number));
        Assert.Equal(first.Revision, problems.Published!.Revision);
    }

    [Fact]
    public async Task ASentBackRevision_WaitsForTheEditor_AndAFailedOneSaysFailed()
    {
        var flow = new MemoryWorkflow();
        var first = await UploadAsync(flow, Drafts.Small(Slug, "first"));
        await flow.Service.RequestChangesAsync(Slug, first.Revision, "Shorter, please.", People.CopyEditor, None);
        Assert.Equal(("changes", first.Revision), ((await SummaryAsync(flow)).Attention.State, (await SummaryAsync(flow)).Attention.Revision));

        flow.Renderer.FailWith = new InvalidOperationException("the typesetter broke");
        flow.Clock.Now += TimeSpan.FromMinutes(5);
        var second = (await flow.Service.UploadAsync(Drafts.Small(Slug, "second"), People.Editor, None)).Value!;
        await Assert.ThrowsAsync<InvalidOperationException>(() => flow.DrainAsync(WorkQueues.Render));
        await flow.Service.HandlePoisonAsync(WorkQueues.Render + "-poison", "m1", new WorkMessage(Slug, second.Revision).ToJson(), None);
        var failed = await SummaryAsync(flow);
        Assert.Equal(("failed", second.Revision, 2), (failed.Attention.State, failed.Attention.Revision, failed.Attention.Number));
        var history = (await flow.Service.GetHistoryAsync(Slug, People.Editor, None)).Value!;
        Assert.Contains(history, e => e.Event.Kind == RevisionEventKind.Failed && e.Number == 2 && e.Event.Reason!.Contains("the typesetter broke"));
    }

    [Fact]
    public async Task ChangesAreShownAgainstTheLastPublishedRevision_ElseThePreviousRendered_NeverAnInvalidOne()
    {
        var flow = new MemoryWorkflow();
        var first = await UploadAsync(flow, Drafts.Small(Slug, "first"));
        var second = await UploadAsync(flow, Drafts.Small(Slug, "second"));
        var broken = await UploadAsync(flow, Broken());
        var view = (await flow.Service.GetDraftAsync(Slug, People.CopyEditor, None)).Value!;
        Assert.False(view.Baselines!.ContainsKey(first.Revision));
        Assert.Equal(first.Revision, view.Baselines[second.Revision]);

        await PublishAsync(flow, second);
        var third = await UploadAsync(flow, Drafts.Small(Slug, "third"));
        var fourth = await UploadAsync(flow, Drafts.Small(Slug, "fourth"));
        view = (await flow.Service.GetDraftAsync(Slug, People.CopyEditor, None)).Value!;
        Assert.Equal(second.Revision, view.Baselines![third.Revision]);
        Assert.Equal(second.Revision, view.Baselines[fourth.Revision]);
        Assert.DoesNotContain(broken.Revision, view.Baselines.Values);
        Assert.Equal([1, 2, 3, 4, 5], new[] { first, second, broken, third, fourth }.Select(r => view.Numbers![r.Revision]));
    }

    [Fact]
    public async Task TheHistory_RecordsEachStepOnce_WithNames_EvenWhenMessagesAndApprovalsArriveTwice()
    {
        var flow = new MemoryWorkflow();
        var broken = await UploadAsync(flow, Broken());
        var first = await UploadAsync(flow, Drafts.Small(Slug, "first"));
        await flow.Service.HandleRenderAsync(new WorkMessage(Slug, first.Revision).ToJson(), None); // delivered again
        flow.Clock.Now += TimeSpan.FromMinutes(1);
        await Task.WhenAll(
            flow.Service.ApproveAsync(Slug, first.Revision, first.PreviewSha256, People.CopyEditor, None),
            flow.Service.ApproveAsync(Slug, first.Revision, first.PreviewSha256, People.CopyEditor, None));
        await flow.DrainAsync(WorkQueues.Publish);
        await flow.Service.HandlePublishAsync(new WorkMessage(Slug, first.Revision).ToJson(), None); // delivered again

        var history = (await flow.Service.GetHistoryAsync(Slug, People.Editor, None)).Value!;
        Assert.Equal(
            ["Uploaded 1 Eva Editor", "ProblemsFound 1 ", "Uploaded 2 Eva Editor", "Rendered 2 ", "Approved 2 Csaba Copy", "Published 2 "],
            history.Select(e => $"{e.Event.Kind} {e.Number} {e.Event.ByName}"));
        Assert.Equal(1, history[1].Event.Problems);
        Assert.Equal(first.PreviewSha256, history[4].Event.PdfSha256);
        Assert.True(history.Zip(history.Skip(1)).All(pair => pair.First.Event.At <= pair.Second.Event.At));
    }

    [Fact]
    public async Task ALostWrite_RecordsNoEvent_BecauseTheEventTravelsInTheTransitionsOwnWrite()
    {
        var losing = new LosingRevisionStore();
        var flow = new MemoryWorkflow(wrapRevisions: inner => losing.Around(inner));
        var first = await UploadAsync(flow, Drafts.Small(Slug, "first"));
        losing.LoseNextReplace = true;
        var refused = await flow.Service.RequestChangesAsync(Slug, first.Revision, "Lost?", People.CopyEditor, None);

        Assert.Equal(ProblemKind.PreconditionFailed, refused.Problem!.Kind);
        var record = await flow.RecordAsync(Slug, first.Revision);
        Assert.Equal(RevisionState.Rendered, record.State);
        Assert.DoesNotContain(record.History!, e => e.Kind == RevisionEventKind.SentBack);
    }

    [Fact]
    public async Task Replies_FormAThreadAfterARequestForChanges_AndAreRefusedWhereThereIsNothingToAnswer()
    {
        var flow = new MemoryWorkflow();
        var first = await UploadAsync(flow, Drafts.Small(Slug, "first"));
        var early = await flow.Service.ReplyAsync(Slug, first.Revision, "Done?", People.Editor, None);
        Assert.Equal((ProblemKind.Conflict, "Nothing to reply to"), (early.Problem!.Kind, early.Problem.Title));

        await flow.Service.RequestChangesAsync(Slug, first.Revision, "Shorter, please.", People.CopyEditor, None);
        await flow.Service.ReplyAsync(Slug, first.Revision, "Shortened.", People.Editor, None);
        await flow.Service.ReplyAsync(Slug, first.Revision, "Shortened.", People.Editor, None); // the same request retried
        await flow.Service.ReplyAsync(Slug, first.Revision, "Which part?", People.CopyEditor, None);
        Assert.Equal(ProblemKind.BadRequest, (await flow.Service.ReplyAsync(Slug, first.Revision, "  ", People.Editor, None)).Problem!.Kind);
        Assert.Equal(ProblemKind.Forbidden, (await flow.Service.ReplyAsync(Slug, first.Revision, "Hi", new WorkflowPrincipal("x", "X", []), None)).Problem!.Kind);

        var thread = (await flow.Service.GetHistoryAsync(Slug, People.Editor, None)).Value!
            .Where(e => e.Event.Kind is RevisionEventKind.SentBack or RevisionEventKind.Replied).Select(e => $"{e.Event.ByName}: {e.Event.Comment}");
        Assert.Equal(["Csaba Copy: Shorter, please.", "Eva Editor: Shortened.", "Csaba Copy: Which part?"], thread);

        for (var i = 0; i < RevisionHistory.MaxReplies; i++) await flow.Service.ReplyAsync(Slug, first.Revision, $"Reply {i}", People.Editor, None);
        var full = await flow.Service.ReplyAsync(Slug, first.Revision, "One more", People.Editor, None);
        Assert.Equal("The thread is full", full.Problem!.Title);
    }

    [Fact]
    public async Task TheReadableText_IsFieldsByName_ThenHeadingsParagraphsAndNotes_WithNoteMarksNotNumbers()
    {
        var flow = new MemoryWorkflow();
        var source = Drafts.SmallMarkdown(Slug, "noted") + "\n\nA claim with a source.[^a]\n\n## Second section\n\nMore *emphasis* here.\n\n[^a]: Someone, *A Book* (2020).\n";
        var uploaded = await UploadAsync(flow, new DraftFiles($"{Slug}.md", Encoding.UTF8.GetBytes(source), []));
        var text = (await flow.Service.GetTextAsync(Slug, uploaded.Revision, People.CopyEditor, None)).Value!;

        Assert.Contains(new ReadableBlock("field", "title", "A Small Paper on noted"), text.Blocks);
        Assert.Contains(new ReadableBlock("field", "authors", "Anna Kovács, Research Fellow"), text.Blocks);
        var body = text.Blocks.Where(b => b.Kind != "field").ToArray();
        Assert.Equal(
            [new("heading", "section 1", "Introduction"), new("paragraph", "paragraph in section 1", "This is the noted version of a small paper."),
             new("paragraph", "paragraph in section 1", "A claim with a source.[note]"), new("heading", "section 2", "Second section"),
             new("paragraph", "paragraph in section 2", "More emphasis here."), new ReadableBlock("note", "note 1", "Someone, A Book (2020).")],
            body);

        var broken = await UploadAsync(flow, Broken());
        Assert.Equal("No readable text", (await flow.Service.GetTextAsync(Slug, broken.Revision, People.CopyEditor, None)).Problem!.Title);
    }
}

internal static class DraftFilesExtensions
{
    public static DraftFiles WithSource(this DraftFiles files, string markdown) => new(files.SourceFile, Encoding.UTF8.GetBytes(markdown), files.Assets);
}

/// <summary>A revision store that loses the next replace to "another writer" (as a table answers 412), once.</summary>
internal sealed class LosingRevisionStore
{
    public bool LoseNextReplace { get; set; }

    public IRevisionStore Around(IRevisionStore inner) => new Store(inner, this);

    private sealed class Store(IRevisionStore inner, LosingRevisionStore owner) : IRevisionStore
    {
        public Task<StoredRevision?> GetAsync(string slug, string revision, CancellationToken ct) => inner.GetAsync(slug, revision, ct);
        public Task<bool> TryCreateAsync(RevisionRecord record, CancellationToken ct) => inner.TryCreateAsync(record, ct);
        public Task<string?> TryReplaceAsync(RevisionRecord record, string etag, CancellationToken ct)
        {
            if (!owner.LoseNextReplace) return inner.TryReplaceAsync(record, etag, ct);
            owner.LoseNextReplace = false;
            return Task.FromResult<string?>(null);
        }
        public Task<IReadOnlyList<RevisionRecord>> ListRevisionsAsync(string slug, CancellationToken ct) => inner.ListRevisionsAsync(slug, ct);
        public Task<StoredHead?> GetHeadAsync(string slug, CancellationToken ct) => inner.GetHeadAsync(slug, ct);
        public Task<bool> TryWriteHeadAsync(DraftHead head, string? etag, CancellationToken ct) => inner.TryWriteHeadAsync(head, etag, ct);
        public Task<IReadOnlyList<DraftHead>> ListHeadsAsync(CancellationToken ct) => inner.ListHeadsAsync(ct);
        public Task<IReadOnlyList<string>> ListSlugsAsync(CancellationToken ct) => inner.ListSlugsAsync(ct);
    }
}
