using Azure.Data.Tables;
using HiiaPublish.Azure.Workflow;
using HiiaPublish.Workflow;
using HiiaPublish.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HiiaPublish.Functions.Tests;

/// <summary>The approval-versus-upload interleaving through the HTTP functions, on real table ETags.</summary>
[Collection(AzuriteCollection.Name)]
public class ReviewDuringUploadAzuriteTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task UploadBetweenTheStaleCheckAndTheApproval_Answers409_AndTheOlderRevisionStaysRendered()
    {
        var connection = azurite.NewAccountConnectionString();
        var interleaving = new InterleavingRevisionStore(
            new TableRevisionStore(new TableServiceClient(connection).GetTableClient(TableRevisionStore.TableName)));
        var app = new AzuriteWorkflow(connection, renderer: new FakePreviewRenderer(),
            configure: services => services.AddSingleton<IRevisionStore>(interleaving));
        var older = Drafts.Small("racing-paper", "first");
        var upload = await app.UploadAsync(older.Source, "text/markdown", Principals.Header(People.Editor), "?file=racing-paper.md");
        var revision = upload.Json.GetProperty("revision").GetString()!;
        await app.RunQueueAsync(WorkQueues.Render);
        var preview = await app.PreviewAsync("racing-paper", revision, Principals.Header(People.CopyEditor));
        var seen = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(preview.Body));

        Answer? newer = null;
        interleaving.AfterNextHeadRead(async () => newer = await app.UploadAsync(Drafts.Small("racing-paper", "second").Source, "text/markdown",
            Principals.Header(People.Editor), "?file=racing-paper.md"));
        var approval = await app.ApproveAsync("racing-paper", revision, new { pdfSha256 = seen }, Principals.Header(People.CopyEditor));

        Assert.Equal(202, newer?.Status);
        Assert.True(approval.Status == 409 && approval.IsProblem, approval.ToString());
        var draft = (await app.GetDraftAsync("racing-paper", Principals.Header(People.CopyEditor))).Json;
        Assert.Equal(newer!.Json.GetProperty("revision").GetString(), draft.GetProperty("head").GetProperty("latestRevision").GetString());
        var states = draft.GetProperty("revisions").EnumerateArray().ToDictionary(r => r.GetProperty("revision").GetString()!, r => r.GetProperty("state").GetString());
        Assert.Equal("rendered", states[revision]);
        Assert.Equal(0, await app.RunQueueAsync(WorkQueues.Publish));
    }
}
