using System.Security.Cryptography;
using System.Text;
using HiiaPublish.Functions.Tests.Support;
using HiiaPublish.Workflow;

namespace HiiaPublish.Functions.Tests;

/// <summary>
/// Issue 15 through the upload function on Azurite: a draft taking a published paper's slug with another title and
/// other authors is answered 422 with a diagnostic naming both papers, and nothing of it is stored; the same draft
/// saying `corrects:` is accepted (202).
/// </summary>
[Collection(AzuriteCollection.Name)]
public class UploadCollisionApiTests(AzuriteFixture azurite)
{
    private static byte[] Draft(string title, string author, string extra = "") => Encoding.UTF8.GetBytes($"""
        ---
        title: {title}
        date: 2026-03-17
        authors:
          - {author}
        abstract: A short abstract that says what the paper argues.
        slug: foo-bar
        {extra}
        ---

        ## Introduction

        The text of {title}.
        """);

    [Fact]
    public async Task AnUploadTakingAPublishedPapersSlug_Is422NamingBoth_AndSayingCorrects_Is202()
    {
        var app = new AzuriteWorkflow(azurite.NewAccountConnectionString(), renderer: new FakePreviewRenderer());
        var first = await app.UploadAsync(Draft("Foo Bar", "Anna Kovács"), "text/markdown", Principals.Header(People.Editor), "?file=foo-bar.md");
        var revision = first.Json.GetProperty("revision").GetString()!;
        await app.RunQueueAsync(WorkQueues.Render);
        var preview = await app.PreviewAsync("foo-bar", revision, Principals.Header(People.CopyEditor));
        await app.ApproveAsync("foo-bar", revision, new { pdfSha256 = Convert.ToHexStringLower(SHA256.HashData(preview.Body)) }, Principals.Header(People.CopyEditor));
        Assert.Equal(1, await app.RunQueueAsync(WorkQueues.Publish));

        var other = await app.UploadAsync(Draft("Főő Bár", "Cecília Tóth"), "text/markdown", Principals.Header(People.Editor), "?file=foo-bar.md");

        Assert.Equal(422, other.Status);
        var diagnostic = other.Json.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "HP0720");
        var message = diagnostic.GetProperty("message").GetString()!;
        Assert.Contains("\"Foo Bar\" by Anna Kovács", message);
        Assert.Contains("\"Főő Bár\" by Cecília Tóth", message);
        Assert.Contains("corrects: foo-bar", message);
        var draft = (await app.GetDraftAsync("foo-bar", Principals.Header(People.Editor))).Json;
        Assert.Single(draft.GetProperty("revisions").EnumerateArray()); // the refused draft left nothing behind

        var correction = await app.UploadAsync(Draft("Főő Bár", "Cecília Tóth", "corrects: foo-bar"), "text/markdown", Principals.Header(People.Editor), "?file=foo-bar.md");
        Assert.Equal(202, correction.Status);
    }
}
