using System.Security.Cryptography;
using System.Text;
using HiiaPublish.Site;
using HiiaPublish.Workflow;
using HiiaPublish.Functions.Tests.Support;

namespace HiiaPublish.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public class EndToEndTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EnglishSample_UploadedRenderedApprovedPublished_IsOnTheSiteAndListed()
    {
        var app = new AzuriteWorkflow(azurite.NewAccountConnectionString());
        var (body, type) = Uploads.Multipart(Drafts.EnglishSample());

        var upload = await app.UploadAsync(body, type, Principals.Header(People.Editor));
        Assert.True(upload.Status == 202, upload.ToString());
        Assert.Equal("/api/drafts/middle-corridor", upload.Location);
        var revision = upload.Json.GetProperty("revision").GetString()!;
        Assert.Equal(Drafts.EnglishSample().RevisionId(), revision);
        Assert.Equal("queued", upload.Json.GetProperty("state").GetString());

        // The message is Base64 on the wire, as the Functions queue trigger expects.
        var raw = (await new global::Azure.Storage.Queues.QueueClient(app.ConnectionString, WorkQueues.Render).PeekMessagesAsync(1)).Value.Single();
        Assert.Contains(revision, Encoding.UTF8.GetString(Convert.FromBase64String(raw.MessageText)));

        Assert.Equal(1, await app.RunQueueAsync(WorkQueues.Render));
        var draft = await app.GetDraftAsync("middle-corridor", Principals.Header(People.CopyEditor));
        var rendered = draft.Json.GetProperty("revisions")[0];
        Assert.Equal("rendered", rendered.GetProperty("state").GetString());

        var preview = await app.PreviewAsync("middle-corridor", revision, Principals.Header(People.CopyEditor));
        Assert.Equal(200, preview.Status);
        Assert.Equal("application/pdf", preview.ContentType);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(preview.Body, 0, 5));
        var seen = Convert.ToHexStringLower(SHA256.HashData(preview.Body));

        var approval = await app.ApproveAsync("middle-corridor", revision, new { pdfSha256 = seen }, Principals.Header(People.CopyEditor));
        Assert.True(approval.Status == 202, approval.ToString());
        Assert.Equal(1, await app.RunQueueAsync(WorkQueues.Publish));

        var after = await app.GetDraftAsync("middle-corridor", Principals.Header(People.Editor));
        Assert.Equal("published", after.Json.GetProperty("revisions")[0].GetProperty("state").GetString());
        var catalogue = CatalogueSerializer.Deserialize((await app.Web.GetBlobClient(SitePaths.Catalogue).DownloadContentAsync()).Value.Content.ToArray());
        var entry = Assert.Single(catalogue.Entries);
        Assert.Equal("middle-corridor", entry.Slug);
        var sitePdf = (await app.Web.GetBlobClient(entry.PdfPath).DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(preview.Body, sitePdf);
        var landing = (await app.Web.GetBlobClient(entry.LandingPath).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("Middle Corridor", landing);
        var index = (await app.Web.GetBlobClient(SitePaths.ListingPage(null, 1)).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("middle-corridor", index);
    }

    [Fact]
    public async Task TwentyConcurrentApprovals_PublishExactlyOnce_TheRestAre409Or412()
    {
        var app = new AzuriteWorkflow(azurite.NewAccountConnectionString(), renderer: new FakePreviewRenderer());
        var (revision, sha) = await UploadAndRenderAsync(app, Drafts.Small("race-paper"));

        var answers = await Task.WhenAll(Enumerable.Range(1, 20).Select(n => Task.Run(() =>
            app.ApproveAsync("race-paper", revision, new { pdfSha256 = sha }, Principals.Header(People.CopyEditorNumber(n))))));

        Assert.Single(answers, a => a.Status == 202);
        Assert.All(answers.Where(a => a.Status != 202), a => Assert.True(a.Status is 409 or 412 && a.IsProblem, a.ToString()));
        Assert.Equal(1, await app.RunQueueAsync(WorkQueues.Publish));
        var catalogue = CatalogueSerializer.Deserialize((await app.Web.GetBlobClient(SitePaths.Catalogue).DownloadContentAsync()).Value.Content.ToArray());
        Assert.Single(catalogue.Entries);
    }

    [Fact]
    public async Task StaleSelfAndEditorApprovals_AreRefusedWithProblems()
    {
        var app = new AzuriteWorkflow(azurite.NewAccountConnectionString(), renderer: new FakePreviewRenderer());
        var (older, olderSha) = await UploadAndRenderAsync(app, Drafts.Small("review-paper", "first"));
        var (latest, latestSha) = await UploadAndRenderAsync(app, Drafts.Small("review-paper", "second"));

        var stale = await app.ApproveAsync("review-paper", older, new { pdfSha256 = olderSha }, Principals.Header(People.CopyEditor));
        Assert.Equal(409, stale.Status);
        Assert.True(stale.IsProblem);

        var self = await app.ApproveAsync("review-paper", latest, new { pdfSha256 = latestSha }, Principals.Header(People.Editor with { Roles = [WorkflowPrincipal.CopyEditorRole] }));
        Assert.Equal(403, self.Status);
        Assert.Contains("You uploaded this revision", self.Json.GetProperty("detail").GetString());

        var editor = await app.ApproveAsync("review-paper", latest, new { pdfSha256 = latestSha }, Principals.Header(new WorkflowPrincipal("ed-9", "Ed", [WorkflowPrincipal.EditorRole])));
        Assert.Equal(403, editor.Status);

        var changes = await app.RequestChangesAsync("review-paper", latest, new { comment = "Cite the 2025 figures." }, Principals.Header(People.CopyEditor));
        Assert.Equal(202, changes.Status);
        Assert.Equal("changes-requested", changes.Json.GetProperty("state").GetString());
        Assert.Equal(0, await app.RunQueueAsync(WorkQueues.Publish));
    }

    [Fact]
    public async Task InvalidDraft_Is422WithDiagnostics_AndKeptAsInvalid()
    {
        var app = new AzuriteWorkflow(azurite.NewAccountConnectionString(), renderer: new FakePreviewRenderer());
        var text = Drafts.SmallMarkdown("bad-paper", "x").Replace("date: 2026-03-17", "date: yesterday");
        var answer = await app.UploadAsync(Encoding.UTF8.GetBytes(text), "text/markdown; charset=utf-8", Principals.Header(People.Editor), "?file=bad-paper.md");

        Assert.Equal(422, answer.Status);
        Assert.True(answer.IsProblem);
        Assert.NotEqual(0, answer.Json.GetProperty("diagnostics").GetArrayLength());
        var draft = await app.GetDraftAsync("bad-paper", Principals.Header(People.Editor));
        Assert.Equal("invalid", draft.Json.GetProperty("revisions")[0].GetProperty("state").GetString());
    }

    internal static async Task<(string Revision, string PreviewSha256)> UploadAndRenderAsync(AzuriteWorkflow app, DraftFiles files)
    {
        var upload = await app.UploadAsync(files.Source, "text/markdown", Principals.Header(People.Editor), "?file=" + files.SourceFile);
        Assert.True(upload.Status == 202, upload.ToString());
        await app.RunQueueAsync(WorkQueues.Render);
        var revision = upload.Json.GetProperty("revision").GetString()!;
        var preview = await app.PreviewAsync(upload.Json.GetProperty("slug").GetString()!, revision, Principals.Header(People.CopyEditor));
        Assert.Equal(200, preview.Status);
        return (revision, Convert.ToHexStringLower(SHA256.HashData(preview.Body)));
    }
}
