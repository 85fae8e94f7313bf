using HiiaPublish.Pdf.Audit;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using HiiaPublish.Azure;
using HiiaPublish.Azure.Http;
using HiiaPublish.Azure.Workflow;
using HiiaPublish.Format.Branding;
using HiiaPublish.Rendering;
using HiiaPublish.Workflow;
using HiiaPublish.Functions.Http;
using HiiaPublish.Functions.Queues;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HiiaPublish.Functions.Tests.Support;

/// <summary>
/// The app wired exactly as Program.cs wires it (AddHiiaPublish) against one Azurite account, with the function
/// classes to call and a stand-in for the Functions host's queue loop.
/// </summary>
public sealed class AzuriteWorkflow
{
    // The real typesetter loads fonts and patterns once for the whole test run, as it does once per process.
    private static readonly Lazy<IPreviewRenderer> RealRenderer = new(() => new PerspectivePreviewRenderer(new PerspectiveRenderer(TemplatesLocator.Find())));

    public AzuriteWorkflow(string connectionString, bool trustHeader = true, IPreviewRenderer? renderer = null,
        Action<IServiceCollection>? configure = null)
    {
        ConnectionString = connectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HiiaStorage:connectionString"] = connectionString,
            ["HiiaSite:connectionString"] = connectionString,
            [HiiaPublishServiceCollectionExtensions.TrustHeaderSetting] = trustHeader ? "true" : "false",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddHiiaPublish(configuration);
        services.AddSingleton(renderer ?? RealRenderer.Value);
        // A stand-in renderer writes stand-in bytes, which no real audit would pass; it gets a stand-in audit.
        if (renderer is not null) services.AddSingleton<IPdfAudit>(new FakePdfAudit());
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
        Api = Services.GetRequiredService<DraftsApi>();
        Workflow = Services.GetRequiredService<WorkflowService>();
    }

    public string ConnectionString { get; }
    public IServiceProvider Services { get; }
    public DraftsApi Api { get; }
    public WorkflowService Workflow { get; }

    public BlobContainerClient Web => new BlobServiceClient(ConnectionString).GetBlobContainerClient("$web");

    public QueueClient Queue(string name) => new(ConnectionString, name, QueueWorkQueue.Options());

    public async Task<Answer> UploadAsync(byte[] body, string contentType, string? principalHeader, string? query = null)
    {
        var request = HttpCalls.Request("POST", body, contentType, principalHeader, query);
        return await HttpCalls.ExecuteAsync(request, await new UploadDraftFunction(Api).RunAsync(request, CancellationToken.None));
    }

    public async Task<Answer> GetDraftAsync(string slug, string? principalHeader)
    {
        var request = HttpCalls.Request("GET", principalHeader: principalHeader);
        return await HttpCalls.ExecuteAsync(request, await new GetDraftFunction(Api).RunAsync(request, slug, CancellationToken.None));
    }

    public async Task<Answer> PreviewAsync(string slug, string revision, string? principalHeader)
    {
        var request = HttpCalls.Request("GET", principalHeader: principalHeader);
        return await HttpCalls.ExecuteAsync(request, await new GetPreviewFunction(Api).RunAsync(request, slug, revision, CancellationToken.None));
    }

    public async Task<Answer> ApproveAsync(string slug, string revision, object body, string? principalHeader)
    {
        var request = HttpCalls.Json("POST", body, principalHeader);
        return await HttpCalls.ExecuteAsync(request, await new ApproveFunction(Api).RunAsync(request, slug, revision, CancellationToken.None));
    }

    public async Task<Answer> RequestChangesAsync(string slug, string revision, object body, string? principalHeader)
    {
        var request = HttpCalls.Json("POST", body, principalHeader);
        return await HttpCalls.ExecuteAsync(request, await new RequestChangesFunction(Api).RunAsync(request, slug, revision, CancellationToken.None));
    }

    /// <summary>
    /// What the Functions host does for one queue: take a message, run the function, delete it on success; on
    /// failure leave it for the next delivery, and after the fifth failed delivery move it to the poison queue.
    /// Returns how many messages finished (succeeded or were poisoned).
    /// </summary>
    public async Task<int> RunQueueAsync(string queue)
    {
        var client = Queue(queue);
        await client.CreateIfNotExistsAsync();
        var finished = 0;
        while (true)
        {
            var received = (await client.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value;
            if (received.Length == 0) return finished;
            var message = received[0];
            try
            {
                await RunFunctionAsync(queue, message.MessageText, message.MessageId);
                await client.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                finished++;
            }
            catch (Exception) when (message.DequeueCount < WorkQueues.MaxAttempts)
            {
                // Visible again at once, rather than after the visibility timeout, so the test need not wait.
                await client.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            }
            catch (Exception)
            {
                var poison = Queue(queue + WorkQueues.PoisonSuffix);
                await poison.CreateIfNotExistsAsync();
                await poison.SendMessageAsync(message.MessageText);
                await client.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                finished++;
            }
        }
    }

    /// <summary>One function call as the host makes it; the poison functions also get the message id, as the trigger binds it.</summary>
    public Task RunFunctionAsync(string queue, string message, string messageId) => queue switch
    {
        WorkQueues.Render => new RenderFunction(Workflow).RunAsync(message, CancellationToken.None),
        WorkQueues.Publish => new PublishFunction(Workflow).RunAsync(message, CancellationToken.None),
        "render-poison" => new RenderPoisonFunction(Workflow).RunAsync(message, messageId, CancellationToken.None),
        "publish-poison" => new PublishPoisonFunction(Workflow).RunAsync(message, messageId, CancellationToken.None),
        _ => throw new ArgumentException($"No function listens on {queue}."),
    };

    public static async Task<Answer> RunAsync(Func<Task<IActionResult>> function, Microsoft.AspNetCore.Http.HttpRequest request) =>
        await HttpCalls.ExecuteAsync(request, await function());
}
