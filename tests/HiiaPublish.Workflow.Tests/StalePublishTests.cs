using HiiaPublish.Site;
using HiiaPublish.Workflow;

namespace HiiaPublish.Workflow.Tests;

/// <summary>
/// Issue 15, "newest approved wins": R2 is approved and its host dies before publishing; R3 is uploaded, approved and
/// published; then R2's publish message comes back. R2 must become superseded and the site must keep R3.
/// </summary>
public class StalePublishTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ALatePublishOfAnOlderApprovedRevision_MarksItSuperseded_AndLeavesTheSiteOnTheNewest()
    {
        var flow = new MemoryWorkflow();
        var (r2, r2Message) = await ApprovedAsync(flow, "second");
        flow.Clock.Now += TimeSpan.FromMinutes(1);
        var (r3, r3Message) = await ApprovedAsync(flow, "third");
        await flow.Service.HandlePublishAsync(r3Message, None);
        var siteBefore = await SiteInvariants.ReadAllAsync(flow.Site);

        await flow.Service.HandlePublishAsync(r2Message, None); // R2's message, back from the dead host

        Assert.Equal(RevisionState.Superseded, (await flow.RecordAsync(r2.Slug, r2.Revision)).State);
        // Named as the desk numbers it (R3 is the paper's second upload here), with its hash for storage.
        Assert.Contains($"revision 2 ({r3.Revision[..12]})", (await flow.RecordAsync(r2.Slug, r2.Revision)).FailureReason);
        // The paper's timeline says so, once, as the last thing that happened to R2.
        var r2Events = RevisionHistory.EventsOf(await flow.RecordAsync(r2.Slug, r2.Revision));
        Assert.Equal(RevisionEventKind.Superseded, r2Events[^1].Kind);
        Assert.Single(r2Events, e => e.Kind == RevisionEventKind.Superseded);
        Assert.Equal(RevisionState.Published, (await flow.RecordAsync(r3.Slug, r3.Revision)).State);
        var siteAfter = await SiteInvariants.ReadAllAsync(flow.Site);
        Assert.Equal(siteBefore.Keys, siteAfter.Keys);
        foreach (var (path, content) in siteBefore) Assert.True(content.AsSpan().SequenceEqual(siteAfter[path]), $"{path} changed");
        var entry = CatalogueSerializer.Deserialize(siteAfter[SitePaths.Catalogue]).Entries.Single();
        Assert.Equal(r3.Revision, entry.Revision);
    }

    [Fact]
    public async Task APublishOfTheOlderBeforeTheNewerIsPublished_IsAlsoSuperseded_WhenTheNewerIsApproved()
    {
        var flow = new MemoryWorkflow();
        var (r2, r2Message) = await ApprovedAsync(flow, "second");
        flow.Clock.Now += TimeSpan.FromMinutes(1);
        var (r3, r3Message) = await ApprovedAsync(flow, "third");

        await flow.Service.HandlePublishAsync(r2Message, None); // R3 approved but not yet published
        await flow.Service.HandlePublishAsync(r3Message, None);

        Assert.Equal(RevisionState.Superseded, (await flow.RecordAsync(r2.Slug, r2.Revision)).State);
        Assert.Equal(RevisionState.Published, (await flow.RecordAsync(r3.Slug, r3.Revision)).State);
        var catalogue = CatalogueSerializer.Deserialize((await flow.Site.ReadAsync(SitePaths.Catalogue, None))!.Content);
        var entry = catalogue.Entries.Single();
        Assert.Equal(r3.Revision, entry.Revision);
        Assert.Empty(entry.PreviousVersions); // R2 never went live
    }

    [Fact]
    public async Task TheNewestApprovedRevision_IsPublished_AsBefore()
    {
        var flow = new MemoryWorkflow();
        var (r2, r2Message) = await ApprovedAsync(flow, "second");

        await flow.Service.HandlePublishAsync(r2Message, None);

        Assert.Equal(RevisionState.Published, (await flow.RecordAsync(r2.Slug, r2.Revision)).State);
    }

    private static async Task<(RevisionRecord Record, string PublishMessage)> ApprovedAsync(MemoryWorkflow flow, string variant)
    {
        var uploaded = (await flow.Service.UploadAsync(Drafts.Small(variant: variant), People.Editor, None)).Value!;
        await flow.DrainAsync(WorkQueues.Render);
        var rendered = await flow.RecordAsync(uploaded.Slug, uploaded.Revision);
        var approved = (await flow.Service.ApproveAsync(rendered.Slug, rendered.Revision, rendered.PreviewSha256, People.CopyEditor, None)).Value!;
        // The publish message is taken off the queue and held, as a host that died after the approval would leave it.
        Assert.True(flow.Queue.TryDequeue(WorkQueues.Publish, out var message));
        return (approved, message);
    }
}
