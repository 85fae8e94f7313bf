using System.Text;
using HiiaPublish.Site;
using HiiaPublish.Workflow;

namespace HiiaPublish.Workflow.Tests;

/// <summary>
/// Issue 15, "no silent replacement", at upload: a draft whose slug belongs to another paper (other title and other
/// authors), published or in review, is answered with a refusal naming both papers and saying what to do, and nothing
/// of it is stored; a draft that says `corrects:` may retitle a published paper; a `corrects:` with nothing published
/// to correct is refused.
/// </summary>
public class UploadCollisionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static DraftFiles Draft(string title, string author, string slug = "foo-bar", string? corrects = null, string text = "") =>
        new($"{slug}.md", Encoding.UTF8.GetBytes($"""
            ---
            title: {title}
            date: 2026-03-17
            authors:
              - {author}
            abstract: A short abstract that says what the paper argues.
            slug: {slug}
            {(corrects is null ? "" : $"corrects: {corrects}")}
            ---

            ## Introduction

            The text of "{title}".{text}
            """), []);

    private static async Task<RevisionRecord> PublishedAsync(MemoryWorkflow flow, DraftFiles draft)
    {
        var uploaded = (await flow.Service.UploadAsync(draft, People.Editor, None)).Value!;
        await flow.DrainAsync(WorkQueues.Render);
        var rendered = await flow.RecordAsync(uploaded.Slug, uploaded.Revision);
        await flow.Service.ApproveAsync(rendered.Slug, rendered.Revision, rendered.PreviewSha256, People.CopyEditor, None);
        await flow.DrainAsync(WorkQueues.Publish);
        return await flow.RecordAsync(uploaded.Slug, uploaded.Revision);
    }

    [Fact]
    public async Task AnotherPaperWithAPublishedPapersSlug_IsRefusedAtUpload_NamingBoth_AndNothingOfItIsKept()
    {
        var flow = new MemoryWorkflow();
        Assert.Equal(RevisionState.Published, (await PublishedAsync(flow, Draft("Foo Bar", "Anna Kovács"))).State);
        flow.Clock.Now += TimeSpan.FromMinutes(5);

        var result = await flow.Service.UploadAsync(Draft("Foo-Bar!", "Béla Nagy"), People.Editor, None);

        Assert.Equal(ProblemKind.Invalid, result.Problem?.Kind);
        var refusal = Assert.Single(result.Problem!.Diagnostics!, d => d.Code == "HP0720");
        Assert.Equal("error", refusal.Severity);
        Assert.Contains("\"Foo Bar\" by Anna Kovács", refusal.Message);
        Assert.Contains("\"Foo-Bar!\" by Béla Nagy", refusal.Message);
        Assert.Contains("'slug:'", refusal.Message);
        Assert.Contains("corrects: foo-bar", refusal.Message);
        Assert.Single(await flow.Revisions.ListRevisionsAsync("foo-bar", None)); // the published paper's own, alone
        Assert.False(flow.Queue.TryDequeue(WorkQueues.Render, out _));
    }

    [Fact]
    public async Task ACorrectionThatKeepsAnAuthor_IsAccepted_AsBefore()
    {
        var flow = new MemoryWorkflow();
        await PublishedAsync(flow, Draft("Foo Bar", "Anna Kovács"));
        flow.Clock.Now += TimeSpan.FromMinutes(5);

        var result = await flow.Service.UploadAsync(Draft("Foo Bar, Revised", "Anna Kovacs"), People.Editor, None);

        Assert.Equal(RevisionState.Queued, result.Value?.State);
    }

    [Fact]
    public async Task ARetitlingWithNewAuthors_ThatSaysCorrects_IsAcceptedAndPublished_OverThePaper()
    {
        var flow = new MemoryWorkflow();
        await PublishedAsync(flow, Draft("Foo Bar", "Anna Kovács"));
        flow.Clock.Now += TimeSpan.FromMinutes(5);

        var correction = await PublishedAsync(flow, Draft("Quite Another Title", "Béla Nagy", corrects: "foo-bar"));

        Assert.Equal(RevisionState.Published, correction.State);
        var entry = CatalogueSerializer.Deserialize((await flow.Site.ReadAsync(SitePaths.Catalogue, None))!.Content).Entries.Single();
        Assert.Equal(("Quite Another Title", correction.Revision), (entry.Title, entry.Revision));
        Assert.Single(entry.PreviousVersions);
    }

    [Fact]
    public async Task CorrectsWithNothingPublishedAtThatAddress_IsRefusedAtUpload_PointingAtTheField()
    {
        var flow = new MemoryWorkflow();

        var result = await flow.Service.UploadAsync(Draft("Foo Bar", "Anna Kovács", corrects: "foo-bar"), People.Editor, None);

        var refusal = Assert.Single(result.Problem!.Diagnostics!, d => d.Code == "HP0721");
        Assert.Equal((8, 11), (refusal.Line, refusal.Column));
        Assert.Contains("no paper is published at that address", refusal.Message);
        Assert.Empty(await flow.Revisions.ListRevisionsAsync("foo-bar", None));
    }

    [Fact]
    public async Task AnotherPaperWithTheSlugOfADraftInReview_IsRefused_NamingTheDraftByItsRevisionNumber()
    {
        var flow = new MemoryWorkflow();
        await flow.Service.UploadAsync(Draft("Foo Bar", "Anna Kovács"), People.Editor, None);
        await flow.DrainAsync(WorkQueues.Render);
        flow.Clock.Now += TimeSpan.FromMinutes(5);

        var other = await flow.Service.UploadAsync(Draft("Főő Bár", "Cecília Tóth"), People.Editor, None);
        var nextRevision = await flow.Service.UploadAsync(Draft("Foo Bar, Revised", "Anna Kovács", text: " And a new sentence."), People.Editor, None);

        var refusal = Assert.Single(other.Problem!.Diagnostics!, d => d.Code == "HP0722");
        Assert.Contains("\"Foo Bar\" by Anna Kovács, a draft in review (revision 1)", refusal.Message);
        Assert.Contains("\"Főő Bár\" by Cecília Tóth", refusal.Message);
        Assert.Equal(RevisionState.Queued, nextRevision.Value?.State);
        Assert.Equal(2, (await flow.Revisions.ListRevisionsAsync("foo-bar", None)).Count);
    }

    [Fact]
    public async Task ACatalogueThatCannotBeRead_DoesNotStopAnUpload_WhichIsCheckedAgainAtPublication()
    {
        var flow = new MemoryWorkflow();
        await flow.Site.WriteAsync(SitePaths.Catalogue, Encoding.UTF8.GetBytes("{ not a catalogue"), new HiiaPublish.Site.Storage.SiteObjectProperties("application/json", "no-cache"),
            HiiaPublish.Site.Storage.WriteCondition.None, None);

        var result = await flow.Service.UploadAsync(Draft("Foo Bar", "Anna Kovács"), People.Editor, None);

        Assert.Equal(RevisionState.Queued, result.Value?.State);
    }
}

/// <summary>
/// The upload's collision check reads perspectives.json (15 MB at 5,000 papers) only when it changed: its ETag is asked
/// each time, and a catalogue changed since the last upload is read again, so no collision is missed.
/// </summary>
public class UploadCatalogueCacheTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static DraftFiles Draft(string title, string author, string slug) =>
        new($"{slug}.md", Encoding.UTF8.GetBytes($"""
            ---
            title: {title}
            date: 2026-03-17
            authors:
              - {author}
            abstract: A short abstract that says what the paper argues.
            slug: {slug}
            ---

            ## Introduction

            The text of "{title}".
            """), []);

    private static async Task PublishAsync(MemoryWorkflow flow, DraftFiles draft)
    {
        var uploaded = (await flow.Service.UploadAsync(draft, People.Editor, None)).Value!;
        await flow.DrainAsync(WorkQueues.Render);
        var rendered = await flow.RecordAsync(uploaded.Slug, uploaded.Revision);
        await flow.Service.ApproveAsync(rendered.Slug, rendered.Revision, rendered.PreviewSha256, People.CopyEditor, None);
        await flow.DrainAsync(WorkQueues.Publish);
        Assert.Equal(RevisionState.Published, (await flow.RecordAsync(uploaded.Slug, uploaded.Revision)).State);
    }

    [Fact]
    public async Task UploadsWhileTheCatalogueIsUnchanged_ReadItOnce()
    {
        var flow = new MemoryWorkflow();
        await PublishAsync(flow, Draft("Foo Bar", "Anna Kovács", "foo-bar"));
        flow.Clock.Now += TimeSpan.FromMinutes(5);
        var before = flow.Site.ReadsOf(SitePaths.Catalogue);

        for (var i = 0; i < 3; i++)
            Assert.Equal(RevisionState.Queued, (await flow.Service.UploadAsync(Draft($"Paper {i}", "Béla Nagy", $"paper-{i}"), People.Editor, None)).Value?.State);

        Assert.Equal(before + 1, flow.Site.ReadsOf(SitePaths.Catalogue));
    }

    [Fact]
    public async Task APaperPublishedAfterTheLastUpload_IsStillACollision()
    {
        var flow = new MemoryWorkflow();
        await PublishAsync(flow, Draft("Foo Bar", "Anna Kovács", "foo-bar"));
        // This upload reads the catalogue (and keeps it); then another paper is published, changing it.
        Assert.Equal(RevisionState.Queued, (await flow.Service.UploadAsync(Draft("Unrelated", "Béla Nagy", "unrelated"), People.Editor, None)).Value?.State);
        await PublishAsync(flow, Draft("Baz Qux", "Csilla Tóth", "baz-qux"));
        flow.Clock.Now += TimeSpan.FromMinutes(5);

        var result = await flow.Service.UploadAsync(Draft("Something Else", "Dóra Kiss", "baz-qux"), People.Editor, None);

        var refusal = Assert.Single(result.Problem!.Diagnostics!, d => d.Code == "HP0720");
        Assert.Contains("\"Baz Qux\" by Csilla Tóth", refusal.Message);
    }
}
