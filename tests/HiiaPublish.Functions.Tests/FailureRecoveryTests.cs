using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using HiiaPublish.Azure.Storage;
using HiiaPublish.Azure.Workflow;
using HiiaPublish.Site;
using HiiaPublish.Site.Storage;
using HiiaPublish.Workflow;
using HiiaPublish.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HiiaPublish.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public class FailureRecoveryTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AFaultAtEveryStorageStepOfRenderApproveAndPublish_ThenRetries_LeaveOnePublishedRevisionAndAConsistentSite(bool afterTheOperation)
    {
        var connection = azurite.NewAccountConnectionString();
        var plan = new FaultPlan();
        var app = new AzuriteWorkflow(connection, renderer: new FakePreviewRenderer(), configure: services => Faulty(services, connection, plan));

        plan.Arm(0, afterTheOperation);
        await RunWholePathAsync(app, "first-paper");
        Assert.True(plan.Operations > 20, $"only {plan.Operations} storage operations were counted; the decorators are not in place");

        // Later papers take a few operations fewer than the first (the style sheet is there already), so the
        // fault moves one step further each time until a whole path runs without reaching it.
        var papers = 1;
        for (var failAt = 1; ; failAt++)
        {
            plan.Arm(failAt, afterTheOperation);
            await RunWholePathAsync(app, $"fault-{failAt}");
            papers++;
            if (!plan.Fired) break;
        }
        Assert.True(papers > 20, $"the faults covered only {papers - 1} steps");
        plan.Arm(0, afterTheOperation);

        var site = new BlobSiteStore(new BlobServiceClient(connection).GetBlobContainerClient("$web"));
        var catalogue = CatalogueSerializer.Deserialize((await site.ReadAsync(SitePaths.Catalogue, CancellationToken.None))!.Content);
        Assert.Equal(papers, catalogue.Entries.Count);
        Assert.Equal(catalogue.Entries.Count, catalogue.Entries.Select(e => e.Slug).Distinct().Count());
        foreach (var entry in catalogue.Entries)
        {
            Assert.NotNull(await site.GetInfoAsync(entry.LandingPath, CancellationToken.None));
            var pdf = (await site.ReadAsync(entry.PdfPath, CancellationToken.None))!.Content;
            var record = (await app.Services.GetRequiredService<IRevisionStore>().ListRevisionsAsync(entry.Slug, CancellationToken.None)).Single();
            Assert.Equal(RevisionState.Published, record.State);
            Assert.Equal(record.ApprovedPdfSha256, ContentHash.Sha256Hex(pdf));
        }
    }

    [Fact]
    public async Task AMessageThatAlwaysFails_GoesToPoisonAfterFiveAttempts_AndTheEditorSeesFailedWithTheReason()
    {
        var renderer = new FakePreviewRenderer { FailWith = new InvalidOperationException("the typesetter ran out of memory") };
        var app = new AzuriteWorkflow(azurite.NewAccountConnectionString(), renderer: renderer);
        var upload = await app.UploadAsync(Drafts.Small("doomed-paper").Source, "text/markdown", Principals.Header(People.Editor), "?file=doomed-paper.md");
        Assert.Equal(202, upload.Status);

        Assert.Equal(1, await app.RunQueueAsync(WorkQueues.Render));
        Assert.Equal(WorkQueues.MaxAttempts, renderer.Calls);
        var poisoned = (await app.Queue("render-poison").PeekMessagesAsync(1)).Value.Single();
        Assert.Equal(1, await app.RunQueueAsync("render-poison"));

        var draft = await app.GetDraftAsync("doomed-paper", Principals.Header(People.Editor));
        var revision = draft.Json.GetProperty("revisions")[0];
        Assert.Equal("failed", revision.GetProperty("state").GetString());
        var reason = revision.GetProperty("failureReason").GetString()!;
        Assert.Contains("the typesetter ran out of memory", reason);
        Assert.Contains("5 attempts", reason);
        Assert.Equal(poisoned.MessageText, revision.GetProperty("keptMessage").GetString());

        // The poison function consumed the message, as the trigger does; the message itself is kept in `failed`.
        Assert.Empty((await app.Queue("render-poison").PeekMessagesAsync(1)).Value);
        var keptBlob = new BlobServiceClient(app.ConnectionString).GetBlobContainerClient(BlobFailedMessageStore.ContainerName)
            .GetBlobClient($"render-poison/{poisoned.MessageId}.json");
        var kept = (await keptBlob.DownloadContentAsync()).Value;
        Assert.Equal(poisoned.MessageText, kept.Content.ToObjectFromJson<FailedMessage>(WorkflowJson.Options)!.Text);
        var recordBefore = await app.Services.GetRequiredService<IRevisionStore>().GetAsync("doomed-paper", revision.GetProperty("revision").GetString()!, CancellationToken.None);

        // The same poison message delivered again (the function was killed after its work): nothing changes.
        await app.RunFunctionAsync("render-poison", poisoned.MessageText, poisoned.MessageId);
        var failedMessages = app.Services.GetRequiredService<IFailedMessageStore>();
        Assert.Equal(poisoned.MessageText, Assert.Single(await failedMessages.ListAsync("render-poison", CancellationToken.None)).Text);
        Assert.Equal(kept.Details.ETag, (await keptBlob.GetPropertiesAsync()).Value.ETag);
        var recordAfter = await app.Services.GetRequiredService<IRevisionStore>().GetAsync("doomed-paper", revision.GetProperty("revision").GetString()!, CancellationToken.None);
        Assert.Equal(recordBefore!.ETag, recordAfter!.ETag);
    }

    [Fact]
    public async Task APoisonHandlerKilledAfterKeepingTheMessage_IsRetried_AndMarksTheRevisionFailedWithOneKeptCopy()
    {
        var connection = azurite.NewAccountConnectionString();
        var plan = new FaultPlan();
        var renderer = new FakePreviewRenderer { FailWith = new InvalidOperationException("a font is missing") };
        var app = new AzuriteWorkflow(connection, renderer: renderer, configure: services => Faulty(services, connection, plan));
        var upload = await app.UploadAsync(Drafts.Small("twice-doomed").Source, "text/markdown", Principals.Header(People.Editor), "?file=twice-doomed.md");
        var revision = upload.Json.GetProperty("revision").GetString()!;
        Assert.Equal(1, await app.RunQueueAsync(WorkQueues.Render));

        // The poison handler's first storage step is keeping the message; it dies right after that step, and the
        // host delivers the poison message again.
        plan.Arm(1, afterTheOperation: true);
        Assert.Equal(1, await app.RunQueueAsync("render-poison"));
        Assert.True(plan.Fired);

        Assert.Equal("failed", await StateAsync(app, "twice-doomed"));
        var kept = Assert.Single(await app.Services.GetRequiredService<IFailedMessageStore>().ListAsync("render-poison", CancellationToken.None));
        Assert.Contains(revision, kept.Text);
    }

    private static async Task<string?> StateAsync(AzuriteWorkflow app, string slug) =>
        (await app.GetDraftAsync(slug, Principals.Header(People.Editor))).Json.GetProperty("revisions")[0].GetProperty("state").GetString();

    private static async Task RunWholePathAsync(AzuriteWorkflow app, string slug)
    {
        var files = Drafts.Small(slug);
        var upload = await RetryAsync(() => app.UploadAsync(files.Source, "text/markdown", Principals.Header(People.Editor), $"?file={slug}.md"));
        var revision = upload.Json.GetProperty("revision").GetString()!;
        for (var round = 0; round < 3; round++)
        {
            await app.RunQueueAsync(WorkQueues.Render);
            var preview = await RetryAsync(() => app.PreviewAsync(slug, revision, Principals.Header(People.CopyEditor)), allowConflict: true);
            if (preview.Status != 200)
            {
                // The render message itself was lost with a failed enqueue: the editor uploads again, as they would.
                await RetryAsync(() => app.UploadAsync(files.Source, "text/markdown", Principals.Header(People.Editor), $"?file={slug}.md"));
                continue;
            }
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(preview.Body));
            await RetryAsync(() => app.ApproveAsync(slug, revision, new { pdfSha256 = sha }, Principals.Header(People.CopyEditor)));
            await app.RunQueueAsync(WorkQueues.Publish);
            var state = (await RetryAsync(() => app.GetDraftAsync(slug, Principals.Header(People.CopyEditor)))).Json.GetProperty("revisions")[0].GetProperty("state").GetString();
            if (state == "published") return;
            // The publish message was lost with a failed enqueue: the copy editor approves again, as they would.
        }
        Assert.Fail($"{slug} was not published after the retries.");
    }

    /// <summary>A client retries an answer of 500 (our fault), as a browser user would press the button again.</summary>
    private static async Task<Answer> RetryAsync(Func<Task<Answer>> call, bool allowConflict = false)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var answer = await call();
            if (answer.Status < 500)
            {
                Assert.True(answer.Status < 400 || (allowConflict && answer.Status == 409), answer.ToString());
                return answer;
            }
        }
        throw new Xunit.Sdk.XunitException("The request kept failing with 500.");
    }

    private static void Faulty(IServiceCollection services, string connection, FaultPlan plan)
    {
        services.AddSingleton<IRevisionStore>(new FaultyRevisionStore(
            new TableRevisionStore(new TableServiceClient(connection).GetTableClient(TableRevisionStore.TableName)), plan));
        services.AddSingleton<IDraftStore>(new FaultyDraftStore(new BlobDraftStore(new BlobServiceClient(connection)), plan));
        services.AddSingleton<IWorkQueue>(new FaultyWorkQueue(new QueueWorkQueue(new QueueServiceClient(connection, QueueWorkQueue.Options())), plan));
        services.AddSingleton<IFailedMessageStore>(new FaultyFailedMessageStore(new BlobFailedMessageStore(new BlobServiceClient(connection)), plan));
        services.AddSingleton<ISiteStore>(new FaultySiteStore(new BlobSiteStore(new BlobServiceClient(connection).GetBlobContainerClient("$web")), plan));
    }
}
