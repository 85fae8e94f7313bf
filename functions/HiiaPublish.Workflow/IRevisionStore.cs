namespace HiiaPublish.Workflow;

/// <summary>
/// Where revision records and draft heads live. Every change is conditional: a create fails when the row
/// exists, a replace fails when the ETag no longer matches; both are normal outcomes (false / null), so two
/// concurrent transitions can never both win.
/// </summary>
public interface IRevisionStore
{
    Task<StoredRevision?> GetAsync(string slug, string revision, CancellationToken cancellationToken);

    /// <summary>False when a record for this slug and revision already exists.</summary>
    Task<bool> TryCreateAsync(RevisionRecord record, CancellationToken cancellationToken);

    /// <summary>The new ETag, or null when <paramref name="etag"/> no longer matches (someone else changed it).</summary>
    Task<string?> TryReplaceAsync(RevisionRecord record, string etag, CancellationToken cancellationToken);

    /// <summary>Every revision of the slug, in no particular order.</summary>
    Task<IReadOnlyList<RevisionRecord>> ListRevisionsAsync(string slug, CancellationToken cancellationToken);

    Task<StoredHead?> GetHeadAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Creates the head when <paramref name="etag"/> is null, else replaces it if the ETag holds; false when the condition failed.</summary>
    Task<bool> TryWriteHeadAsync(DraftHead head, string? etag, CancellationToken cancellationToken);

    Task<IReadOnlyList<DraftHead>> ListHeadsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every slug with at least one revision, a paper whose uploads were all invalid (and so has no head) included.
    /// A store that cannot tell answers the slugs of its heads.
    /// </summary>
    async Task<IReadOnlyList<string>> ListSlugsAsync(CancellationToken cancellationToken) =>
        [.. (await ListHeadsAsync(cancellationToken)).Select(h => h.Slug)];

    /// <summary>
    /// Every revision, of any draft, in one of <paramref name="states"/> (the sweep asks for the transitional ones).
    /// The stores answer with one query; this default, for decorators, walks the heads.
    /// </summary>
    async Task<IReadOnlyList<RevisionRecord>> ListInStatesAsync(IReadOnlyCollection<RevisionState> states, CancellationToken cancellationToken)
    {
        var found = new List<RevisionRecord>();
        foreach (var head in await ListHeadsAsync(cancellationToken))
            found.AddRange((await ListRevisionsAsync(head.Slug, cancellationToken)).Where(r => states.Contains(r.State)));
        return found;
    }
}
