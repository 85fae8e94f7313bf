using HiiaPublish.Site.Search;
using HiiaPublish.Site.Storage;
using HiiaPublish.Workflow;

namespace HiiaPublish.Workflow.Tests;

/// <summary>A publish hands the pages it wrote to the site's search index before the revision says Published, and a search index that fails costs the publish nothing.</summary>
public class SearchAfterPublishTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private sealed class RecordingSearch(Exception? fault = null) : ISiteSearchUpdater
    {
        public List<IReadOnlyList<string>> Calls { get; } = [];
        /// <summary>The workflow and revision whose state to note at each call.</summary>
        public (MemoryWorkflow Flow, RevisionRecord Revision)? Watching { get; set; }
        public List<RevisionState> StatesSeen { get; } = [];

        public async Task<string> PagesPublishedAsync(IReadOnlyList<string> writtenPaths, CancellationToken cancellationToken)
        {
            Calls.Add(writtenPaths);
            if (Watching is var (flow, revision))
                StatesSeen.Add((await flow.RecordAsync(revision.Slug, revision.Revision)).State);
            if (fault is not null) throw fault;
            return "search index updated";
        }
    }

    private static async Task<(MemoryWorkflow Flow, RevisionRecord Approved)> ApprovedAsync(ISiteSearchUpdater search)
    {
        var flow = new MemoryWorkflow(search: search);
        var uploaded = (await flow.Service.UploadAsync(Drafts.Small(), People.Editor, None)).Value!;
        await flow.DrainAsync(WorkQueues.Render);
        var rendered = await flow.RecordAsync(uploaded.Slug, uploaded.Revision);
        await flow.Service.ApproveAsync(rendered.Slug, rendered.Revision, rendered.PreviewSha256, People.CopyEditor, None);
        return (flow, rendered);
    }

    [Fact]
    public async Task APublish_GivesTheSearchIndexThePaperPageItWrote_BeforeTheRevisionSaysPublished()
    {
        var search = new RecordingSearch();
        var (flow, approved) = await ApprovedAsync(search);
        search.Watching = (flow, approved);

        await flow.DrainAsync(WorkQueues.Publish);

        var written = Assert.Single(search.Calls);
        var record = await flow.RecordAsync(approved.Slug, approved.Revision);
        Assert.Equal(RevisionState.Published, record.State);
        var landing = record.History!.Last().PublicPath!;
        Assert.Contains(landing, written);
        Assert.True(SegmentedSearchIndex.IsPaperPage(landing));
        // Asked while the revision was still Approved: once it says Published, the paper can be searched for.
        Assert.Equal([RevisionState.Approved], search.StatesSeen);
    }

    [Fact]
    public async Task ASearchIndexThatFails_LeavesThePaperPublished_AndTheMessageIsNotRetried()
    {
        var search = new RecordingSearch(new IOException("the search container is unreachable"));
        var (flow, approved) = await ApprovedAsync(search);

        await flow.DrainAsync(WorkQueues.Publish);

        var record = await flow.RecordAsync(approved.Slug, approved.Revision);
        Assert.Equal(RevisionState.Published, record.State);
        Assert.Null(record.LastError);
        Assert.Single(search.Calls);
        Assert.Empty(await flow.FailedMessages.ListAsync(WorkQueues.Publish, None));
        Assert.NotNull(await flow.Site.ReadAsync(record.History!.Last().PublicPath!, None));
    }
}
