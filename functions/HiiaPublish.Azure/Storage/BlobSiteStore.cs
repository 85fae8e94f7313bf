using System.Runtime.CompilerServices;
using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Azure.Storage;

/// <summary>
/// The site in the `$web` container of a storage account with static website hosting. Each object is one
/// Put Blob (whole-object replace), conditional writes use the service's If-Match / If-None-Match, and the
/// SHA-256 of the bytes travels as blob metadata so identical writes can be skipped without a download.
/// </summary>
public sealed class BlobSiteStore : ISiteStore
{
    public const string WebContainerName = "$web";
    private const string Sha256MetadataKey = "sha256";

    private readonly BlobContainerClient _container;
    private readonly Lazy<Task> _containerReady;

    public BlobSiteStore(BlobContainerClient container)
    {
        _container = container;
        _containerReady = new Lazy<Task>(() => _container.CreateIfNotExistsAsync());
    }

    public static BlobSiteStore FromConnectionString(string connectionString) =>
        new(new BlobServiceClient(connectionString).GetBlobContainerClient(WebContainerName));

    /// <summary>Signs in as whoever runs the program (managed identity in Azure, the developer's login locally).</summary>
    public static BlobSiteStore FromAccountUrl(Uri accountUrl) =>
        new(new BlobServiceClient(accountUrl, new DefaultAzureCredential()).GetBlobContainerClient(WebContainerName));

    public async Task<SiteObject?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await _containerReady.Value.WaitAsync(cancellationToken);
        try
        {
            var response = await Blob(path).DownloadContentAsync(cancellationToken);
            var details = response.Value.Details;
            var content = response.Value.Content.ToArray();
            var info = new SiteObjectInfo(details.ETag.ToString("H"), ContentHash.Sha256Hex(content), content.Length,
                new SiteObjectProperties(details.ContentType, details.CacheControl, details.ContentDisposition));
            return new SiteObject(content, info);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<SiteObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken)
    {
        await _containerReady.Value.WaitAsync(cancellationToken);
        try
        {
            var properties = (await Blob(path).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            // A blob written by someone else carries no hash: an empty one never equals, so it gets rewritten.
            var sha256 = properties.Metadata.TryGetValue(Sha256MetadataKey, out var hash) ? hash : "";
            return new SiteObjectInfo(properties.ETag.ToString("H"), sha256, properties.ContentLength,
                new SiteObjectProperties(properties.ContentType, properties.CacheControl, properties.ContentDisposition));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<SiteWriteResult> WriteAsync(string path, byte[] content, SiteObjectProperties properties,
        WriteCondition condition, CancellationToken cancellationToken)
    {
        await _containerReady.Value.WaitAsync(cancellationToken);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders
            {
                ContentType = properties.ContentType,
                CacheControl = properties.CacheControl,
                ContentDisposition = properties.ContentDisposition,
            },
            Metadata = new Dictionary<string, string> { [Sha256MetadataKey] = ContentHash.Sha256Hex(content) },
            Conditions = ToRequestConditions(condition),
        };
        try
        {
            var response = await Blob(path).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken);
            return SiteWriteResult.Written(response.Value.ETag.ToString("H"));
        }
        catch (RequestFailedException e) when (e.Status is 412 or 409)
        {
            // 412: If-Match did not hold; 409: If-None-Match * met an existing blob.
            return SiteWriteResult.PreconditionFailed;
        }
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _containerReady.Value.WaitAsync(cancellationToken);
        var options = new GetBlobsOptions { Prefix = string.IsNullOrEmpty(prefix) ? null : prefix };
        await foreach (var item in _container.GetBlobsAsync(options, cancellationToken))
            yield return item.Name;
    }

    /// <summary>One listing call per 5,000 blobs: the ETags come with the names.</summary>
    public async IAsyncEnumerable<SiteListEntry> ListEntriesAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _containerReady.Value.WaitAsync(cancellationToken);
        var options = new GetBlobsOptions { Prefix = string.IsNullOrEmpty(prefix) ? null : prefix };
        await foreach (var item in _container.GetBlobsAsync(options, cancellationToken))
            yield return new SiteListEntry(item.Name, item.Properties.ETag?.ToString("H") ?? "");
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        await _containerReady.Value.WaitAsync(cancellationToken);
        return (await Blob(path).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;
    }

    private BlobClient Blob(string path) => _container.GetBlobClient(SitePathRules.Require(path));

    private static BlobRequestConditions? ToRequestConditions(WriteCondition condition) =>
        condition.IfNoneExists ? new BlobRequestConditions { IfNoneMatch = ETag.All }
        : condition.IfMatch is not null ? new BlobRequestConditions { IfMatch = new ETag(condition.IfMatch) }
        : null;
}
