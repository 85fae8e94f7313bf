using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using HiiaPublish.Workflow;

namespace HiiaPublish.Azure.Workflow;

/// <summary>
/// Kept poison messages as JSON blobs in the private `failed` container: {queue}/{messageId}.json. A blob
/// rather than a `{queue}-failed` queue because a blob write can be made idempotent (If-None-Match: *, so a
/// redelivered poison message finds its copy already kept), never expires (queue messages do after 7 days),
/// triggers nothing, and falls under the private account's soft delete and versioning.
/// </summary>
public sealed class BlobFailedMessageStore : IFailedMessageStore
{
    public const string ContainerName = "failed";

    private readonly BlobContainerClient _container;
    private readonly Lazy<Task> _ready;

    public BlobFailedMessageStore(BlobServiceClient service)
    {
        _container = service.GetBlobContainerClient(ContainerName);
        _ready = new Lazy<Task>(() => _container.CreateIfNotExistsAsync());
    }

    public static string BlobName(FailedMessage message) => $"{message.Queue}/{message.MessageId}.json";

    public async Task KeepAsync(FailedMessage message, CancellationToken cancellationToken)
    {
        await _ready.Value.WaitAsync(cancellationToken);
        try
        {
            await _container.GetBlobClient(BlobName(message)).UploadAsync(
                BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(message, WorkflowJson.Options)),
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409 || e.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            // Kept by an earlier delivery of the same poison message.
        }
    }

    public async Task<IReadOnlyList<FailedMessage>> ListAsync(string queue, CancellationToken cancellationToken)
    {
        await _ready.Value.WaitAsync(cancellationToken);
        var kept = new List<FailedMessage>();
        await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = queue + "/" }, cancellationToken))
        {
            var content = (await _container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken)).Value.Content;
            kept.Add(content.ToObjectFromJson<FailedMessage>(WorkflowJson.Options)
                ?? throw new InvalidDataException($"The kept message {item.Name} is empty."));
        }
        return kept;
    }
}
