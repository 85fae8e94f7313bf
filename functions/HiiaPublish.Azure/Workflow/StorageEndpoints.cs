using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace HiiaPublish.Azure.Workflow;

/// <summary>
/// How to reach one storage account, read from a configuration section (settings.md): a connection string
/// (Azurite, a developer machine) or service URIs signed in with a managed identity (clientId) or, without
/// one, DefaultAzureCredential. No account keys in Azure.
/// </summary>
public sealed class StorageEndpoints
{
    /// <summary>
    /// The one connection of the workflow's private storage: the queue triggers listen on it (their Connection) and
    /// the app reads, writes and enqueues through it, so both always reach the same account. The Functions host reads
    /// it as HiiaStorage__queueServiceUri + __credential + __clientId in Azure, or HiiaStorage = a connection string.
    /// </summary>
    public const string WorkflowConnection = "HiiaStorage";

    /// <summary>The public site's storage.</summary>
    public const string SiteConnection = "HiiaSite";

    private readonly string _section;
    private readonly string? _connectionString;
    private readonly Uri? _blob, _queue, _table;
    private readonly Lazy<TokenCredential> _credential;

    public StorageEndpoints(IConfigurationSection section)
    {
        _section = section.Path;
        // "HiiaStorage": "UseDevelopmentStorage=true" is the form the Functions host reads for a trigger; the
        // connectionString key is the form `hiia serve` and the tests set.
        _connectionString = Value(section, "connectionString") ?? (string.IsNullOrWhiteSpace(section.Value) ? null : section.Value);
        _blob = UriOf(section, "blobServiceUri");
        _queue = UriOf(section, "queueServiceUri");
        _table = UriOf(section, "tableServiceUri");
        var clientId = Value(section, "clientId");
        _credential = new Lazy<TokenCredential>(() => clientId is null
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId)));
    }

    public BlobServiceClient BlobService() =>
        _connectionString is not null ? new BlobServiceClient(_connectionString)
        : new BlobServiceClient(_blob ?? throw Missing("blobServiceUri"), _credential.Value);

    public QueueServiceClient QueueService() =>
        _connectionString is not null ? new QueueServiceClient(_connectionString, QueueWorkQueue.Options())
        : new QueueServiceClient(_queue ?? throw Missing("queueServiceUri"), _credential.Value, QueueWorkQueue.Options());

    public TableServiceClient TableService() =>
        _connectionString is not null ? new TableServiceClient(_connectionString)
        : new TableServiceClient(_table ?? throw Missing("tableServiceUri"), _credential.Value);

    public bool IsConfigured => _connectionString is not null || _blob is not null;

    private InvalidOperationException Missing(string key) => new(
        $"Storage is not configured: set {_section}__connectionString, or {_section}__{key} (with {_section}__clientId for a managed identity).");

    private static string? Value(IConfigurationSection section, string key) =>
        string.IsNullOrWhiteSpace(section[key]) ? null : section[key];

    private static Uri? UriOf(IConfigurationSection section, string key) =>
        Value(section, key) is { } text
            ? Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri
              : throw new InvalidOperationException($"{section.Path}__{key} is not an absolute URI: '{text}'.")
            : null;
}
