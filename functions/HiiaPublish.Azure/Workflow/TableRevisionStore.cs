using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using HiiaPublish.Workflow;

namespace HiiaPublish.Azure.Workflow;

/// <summary>
/// Revision records in the `revisions` table: partition = slug, row = revision id, or "head" for the draft's
/// head. The record travels as JSON in one property (State beside it for people browsing the table), its
/// accessibility audit summary included: AuditSummary bounds itself (40 failures, 200-character texts), far
/// inside a property's 64 KiB. Every
/// change is one entity operation with its own condition (Add fails on an existing row, Update carries If-Match),
/// never a batch, so no correctness rests on batch semantics.
/// </summary>
public sealed class TableRevisionStore : IRevisionStore
{
    public const string TableName = "revisions";
    private const string HeadRowKey = "head";
    private const string JsonProperty = "Json";

    private readonly TableClient _table;
    private readonly Lazy<Task> _tableReady;

    public TableRevisionStore(TableClient table)
    {
        _table = table;
        _tableReady = new Lazy<Task>(() => _table.CreateIfNotExistsAsync());
    }

    public async Task<StoredRevision?> GetAsync(string slug, string revision, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(slug, revision, cancellationToken);
        return entity is null ? null : new StoredRevision(Deserialize<RevisionRecord>(entity), entity.ETag.ToString());
    }

    public async Task<bool> TryCreateAsync(RevisionRecord record, CancellationToken cancellationToken)
    {
        await _tableReady.Value.WaitAsync(cancellationToken);
        try
        {
            await _table.AddEntityAsync(ToEntity(record.Slug, record.Revision, record, record.State.ToString()), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<string?> TryReplaceAsync(RevisionRecord record, string etag, CancellationToken cancellationToken)
    {
        await _tableReady.Value.WaitAsync(cancellationToken);
        try
        {
            var response = await _table.UpdateEntityAsync(ToEntity(record.Slug, record.Revision, record, record.State.ToString()),
                new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The table service answered an update without an ETag.");
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<RevisionRecord>> ListRevisionsAsync(string slug, CancellationToken cancellationToken)
    {
        await _tableReady.Value.WaitAsync(cancellationToken);
        var found = new List<RevisionRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {slug} and RowKey ne {HeadRowKey}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            found.Add(Deserialize<RevisionRecord>(entity));
        return found;
    }

    public async Task<IReadOnlyList<RevisionRecord>> ListInStatesAsync(IReadOnlyCollection<RevisionState> states, CancellationToken cancellationToken)
    {
        await _tableReady.Value.WaitAsync(cancellationToken);
        var found = new List<RevisionRecord>();
        if (states.Count == 0) return found;
        // The State column is written beside the record for exactly this: one query over the table, no record parsed in vain.
        var filter = string.Join(" or ", states.Select(state => TableClient.CreateQueryFilter($"State eq {state.ToString()}")));
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            found.Add(Deserialize<RevisionRecord>(entity));
        return found;
    }

    public async Task<StoredHead?> GetHeadAsync(string slug, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(slug, HeadRowKey, cancellationToken);
        return entity is null ? null : new StoredHead(Deserialize<DraftHead>(entity), entity.ETag.ToString());
    }

    public async Task<bool> TryWriteHeadAsync(DraftHead head, string? etag, CancellationToken cancellationToken)
    {
        await _tableReady.Value.WaitAsync(cancellationToken);
        var entity = ToEntity(head.Slug, HeadRowKey, head, "head");
        try
        {
            if (etag is null) await _table.AddEntityAsync(entity, cancellationToken);
            else await _table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<DraftHead>> ListHeadsAsync(CancellationToken cancellationToken)
    {
        await _tableReady.Value.WaitAsync(cancellationToken);
        var heads = new List<DraftHead>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {HeadRowKey}"), cancellationToken: cancellationToken))
            heads.Add(Deserialize<DraftHead>(entity));
        return heads;
    }

    /// <summary>Every partition with a row: read as keys only, so the whole table's scan carries no records.</summary>
    public async Task<IReadOnlyList<string>> ListSlugsAsync(CancellationToken cancellationToken)
    {
        await _tableReady.Value.WaitAsync(cancellationToken);
        var slugs = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var entity in _table.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken))
            slugs.Add(entity.PartitionKey);
        return [.. slugs];
    }

    private async Task<TableEntity?> GetEntityAsync(string partition, string row, CancellationToken cancellationToken)
    {
        await _tableReady.Value.WaitAsync(cancellationToken);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static TableEntity ToEntity<T>(string partition, string row, T value, string state) => new(partition, row)
    {
        [JsonProperty] = JsonSerializer.Serialize(value, WorkflowJson.Options),
        ["State"] = state,
    };

    private static T Deserialize<T>(TableEntity entity) =>
        JsonSerializer.Deserialize<T>(entity.GetString(JsonProperty), WorkflowJson.Options)
        ?? throw new InvalidDataException($"The table row {entity.PartitionKey}/{entity.RowKey} holds no record.");
}
