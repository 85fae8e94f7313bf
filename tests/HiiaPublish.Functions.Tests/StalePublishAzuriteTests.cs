using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using HiiaPublish.Azure.Storage;
using HiiaPublish.Functions.Tests.Support;
using HiiaPublish.Site;
using HiiaPublish.Workflow;

namespace HiiaPublish.Functions.Tests;

/// <summary>
/// Issue 15's exact sequence, on Azurite's real queue, table and blob stores through the functions: R2 is approved
/// and its host dies just after taking the publish message; R3 is uploaded, approved and published; then R2's message
/// becomes visible again and is delivered. R2 must become superseded and the public site must still be R3's in every
/// place a reader looks: catalogue, listings, feed, landing page, and the stable PDF with its download name.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class StalePublishAzuriteTests(AzuriteFixture azurite)
{
    private const string Slug = "stale-paper";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task R2sPublishMessageReturningAfterR3IsPublished_MarksR2Superseded_AndTheSiteStillDescribesR3()
    {
        var connection = azurite.NewAccountConnectionString();
        var app = new AzuriteWorkflow(connection, renderer: new FakePreviewRenderer());
        var r1 = await ApproveAsync(app, "first");
        Assert.Equal(1, await app.RunQueueAsync(WorkQueues.Publish)); // R1 is the paper on the site

        var r2 = await ApproveAsync(app, "second");
        // The host takes R2's message and dies: the message stays in the queue, invisible until its lease runs out.
        // The lease outlasts R3's upload, render, approval and publish (its search step runs Pagefind) on a busy
        // machine; 4 s did not always, and R2's message then came back during R3's queue run.
        var lease = TimeSpan.FromSeconds(12);
        var taken = (await app.Queue(WorkQueues.Publish).ReceiveMessagesAsync(1, lease)).Value.Single();
        var leaseEnds = DateTimeOffset.UtcNow + lease;
        Assert.Contains(r2, taken.MessageText);

        var r3 = await ApproveAsync(app, "third");
        Assert.Equal(1, await app.RunQueueAsync(WorkQueues.Publish)); // only R3's is visible
        var site = new BlobSiteStore(app.Web);
        var before = await SiteInvariants.ReadAllAsync(site);

        var wait = leaseEnds - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        Assert.Equal(1, await app.RunQueueAsync(WorkQueues.Publish)); // R2's message, back from the dead host

        var draft = (await app.GetDraftAsync(Slug, Principals.Header(People.CopyEditor))).Json;
        var states = draft.GetProperty("revisions").EnumerateArray().ToDictionary(r => r.GetProperty("revision").GetString()!, r => r.GetProperty("state").GetString());
        Assert.Equal(("published", "superseded", "published"), (states[r1], states[r2], states[r3]));

        var after = await SiteInvariants.ReadAllAsync(site);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, content) in before) Assert.True(content.AsSpan().SequenceEqual(after[path]), $"{path} changed");

        var entry = CatalogueSerializer.Deserialize(after[SitePaths.Catalogue]).Entries.Single();
        Assert.Equal(r3, entry.Revision);
        Assert.Equal([r1], entry.PreviousVersions.Select(v => v.Revision)); // R2 never went live
        var r3Record = draft.GetProperty("revisions").EnumerateArray().Single(r => r.GetProperty("revision").GetString() == r3);
        Assert.Equal(r3Record.GetProperty("approvedPdfSha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(after[entry.PdfPath])));
        var download = (await app.Web.GetBlobClient(entry.PdfPath).GetPropertiesAsync()).Value.ContentDisposition;
        Assert.Contains("third", download);
        foreach (var path in new[] { entry.LandingPath, "index.html", SitePaths.Feed })
        {
            var text = Encoding.UTF8.GetString(after[path]);
            Assert.Contains("A Small Paper on third", text);
            Assert.DoesNotContain("A Small Paper on second", text);
        }
    }

    // Uploads the variant, renders it through the queue and approves it; its publish message is left in the queue.
    private static async Task<string> ApproveAsync(AzuriteWorkflow app, string variant)
    {
        var upload = await app.UploadAsync(Drafts.Small(Slug, variant).Source, "text/markdown", Principals.Header(People.Editor), $"?file={Slug}.md");
        Assert.Equal(202, upload.Status);
        var revision = upload.Json.GetProperty("revision").GetString()!;
        Assert.Equal(1, await app.RunQueueAsync(WorkQueues.Render));
        var preview = await app.PreviewAsync(Slug, revision, Principals.Header(People.CopyEditor));
        var seen = Convert.ToHexStringLower(SHA256.HashData(preview.Body));
        Assert.Equal(202, (await app.ApproveAsync(Slug, revision, new { pdfSha256 = seen }, Principals.Header(People.CopyEditor))).Status);
        return revision;
    }
}
