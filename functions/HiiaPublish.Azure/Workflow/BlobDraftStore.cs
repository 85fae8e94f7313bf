using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using HiiaPublish.Workflow;

namespace HiiaPublish.Azure.Workflow;

/// <summary>
/// Drafts in the private `drafts` container ({slug}/{revision}/{file}) and previews in the private `previews`
/// container ({slug}/{revision}.pdf). Names are checked by <see cref="DraftNames"/> before they get here, and
/// checked again here, so nothing can be written outside a revision's folder.
/// </summary>
public sealed class BlobDraftStore : IDraftStore
{
    public const string DraftsContainerName = "drafts";
    public const string PreviewsContainerName = "previews";

    private readonly BlobContainerClient _drafts;
    private readonly BlobContainerClient _previews;
    private readonly Lazy<Task> _ready;

    public BlobDraftStore(BlobServiceClient service)
    {
        _drafts = service.GetBlobContainerClient(DraftsContainerName);
        _previews = service.GetBlobContainerClient(PreviewsContainerName);
        _ready = new Lazy<Task>(() => Task.WhenAll(_drafts.CreateIfNotExistsAsync(), _previews.CreateIfNotExistsAsync()));
    }

    public async Task PutFileAsync(string slug, string revision, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        await _ready.Value.WaitAsync(cancellationToken);
        await _drafts.GetBlobClient(DraftPath(slug, revision, fileName)).UploadAsync(BinaryData.FromBytes(content), overwrite: true, cancellationToken);
    }

    public async Task<byte[]?> GetFileAsync(string slug, string revision, string fileName, CancellationToken cancellationToken)
    {
        await _ready.Value.WaitAsync(cancellationToken);
        return await DownloadAsync(_drafts.GetBlobClient(DraftPath(slug, revision, fileName)), cancellationToken);
    }

    public async Task PutPreviewAsync(string slug, string revision, byte[] pdf, CancellationToken cancellationToken)
    {
        await _ready.Value.WaitAsync(cancellationToken);
        await _previews.GetBlobClient(PreviewPath(slug, revision)).UploadAsync(BinaryData.FromBytes(pdf),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" } }, cancellationToken);
    }

    public async Task<byte[]?> GetPreviewAsync(string slug, string revision, CancellationToken cancellationToken)
    {
        await _ready.Value.WaitAsync(cancellationToken);
        return await DownloadAsync(_previews.GetBlobClient(PreviewPath(slug, revision)), cancellationToken);
    }

    public static string DraftPath(string slug, string revision, string fileName) =>
        DraftNames.FileNameProblem(fileName) is null ? $"{RevisionFolder(slug, revision)}/{fileName}"
        : throw new ArgumentException($"'{DraftNames.Shown(fileName)}' is not an allowed draft file name.", nameof(fileName));

    public static string PreviewPath(string slug, string revision) => RevisionFolder(slug, revision) + ".pdf";

    private static string RevisionFolder(string slug, string revision) =>
        DraftNames.IsSlug(slug) && DraftNames.IsRevision(revision) ? $"{slug}/{revision}"
        : throw new ArgumentException("The slug or revision id is not well formed.");

    private static async Task<byte[]?> DownloadAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
