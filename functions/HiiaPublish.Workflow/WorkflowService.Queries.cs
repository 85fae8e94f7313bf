namespace HiiaPublish.Workflow;

/// <summary>
/// A draft with every revision, newest upload first; each revision's number (1, 2, 3 … in upload order) and the
/// revision its changes are shown against; and what the paper waits for.
/// </summary>
public sealed record DraftView(DraftHead Head, IReadOnlyList<RevisionRecord> Revisions,
    IReadOnlyDictionary<string, int>? Numbers = null, IReadOnlyDictionary<string, string>? Baselines = null, DraftSummary? Summary = null);

public sealed partial class WorkflowService
{
    public async Task<WorkflowResult<IReadOnlyList<DraftHead>>> ListDraftsAsync(WorkflowPrincipal? principal, CancellationToken cancellationToken)
    {
        if (ReaderProblem(principal) is { } problem) return problem;
        var heads = await revisions.ListHeadsAsync(cancellationToken);
        return new WorkflowResult<IReadOnlyList<DraftHead>>(heads.OrderBy(h => h.Slug, StringComparer.Ordinal).ToArray(), null);
    }

    public async Task<WorkflowResult<DraftView>> GetDraftAsync(string slug, WorkflowPrincipal? principal, CancellationToken cancellationToken)
    {
        if (ReaderProblem(principal) is { } problem) return problem;
        if (!DraftNames.IsSlug(slug)) return Problems.NotFound(slug, null);
        var all = await revisions.ListRevisionsAsync(slug, cancellationToken);
        if (all.Count == 0) return Problems.NotFound(slug, null);
        var head = (await revisions.GetHeadAsync(slug, cancellationToken))?.Head
            ?? new DraftHead(slug, "", all[0].Title); // only invalid uploads so far: nothing to review yet
        var ordered = all.OrderByDescending(r => r.UploadedAt).ThenBy(r => r.Revision, StringComparer.Ordinal).ToArray();
        var baselines = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in all)
            if (DraftStates.BaselineOf(r, all) is { } baseline) baselines[r.Revision] = baseline;
        return new DraftView(head, ordered, DraftStates.Numbers(all), baselines,
            DraftStates.Summarise(slug, head.LatestRevision.Length == 0 ? null : head.LatestRevision, all));
    }

    public async Task<WorkflowResult<byte[]>> GetPreviewAsync(string slug, string revision, WorkflowPrincipal? principal, CancellationToken cancellationToken)
    {
        if (ReaderProblem(principal) is { } problem) return problem;
        if (!DraftNames.IsSlug(slug) || !DraftNames.IsRevision(revision)) return Problems.NotFound(slug, revision);
        var stored = await revisions.GetAsync(slug, revision, cancellationToken);
        if (stored is null) return Problems.NotFound(slug, revision);
        if (!stored.Record.HasPreview)
            return new WorkflowProblem(ProblemKind.Conflict, "No preview yet",
                $"This revision is {Problems.StateName(stored.Record.State)}; a preview exists once it is rendered.", stored.Record.Diagnostics, slug, revision);
        var pdf = await drafts.GetPreviewAsync(slug, revision, cancellationToken);
        return pdf is null ? Problems.NotFound(slug, revision) : pdf;
    }

    /// <summary>
    /// A revision's Markdown exactly as uploaded (the review desk shows problem lines and the diff between
    /// revisions from it): readable by the same people as its preview.
    /// </summary>
    public async Task<WorkflowResult<byte[]>> GetSourceAsync(string slug, string revision, WorkflowPrincipal? principal, CancellationToken cancellationToken)
    {
        if (ReaderProblem(principal) is { } problem) return problem;
        if (!DraftNames.IsSlug(slug) || !DraftNames.IsRevision(revision)) return NoSuchSource(slug);
        var stored = await revisions.GetAsync(slug, revision, cancellationToken);
        if (stored is null) return NoSuchSource(slug);
        var source = await drafts.GetFileAsync(slug, revision, stored.Record.SourceFile, cancellationToken);
        return source is null ? NoSuchSource(slug) : source;
    }

    // The source route has always answered this sentence (without naming the revision back), unlike the
    // preview's Problems.NotFound; kept so the desk's answers do not change.
    private static WorkflowProblem NoSuchSource(string slug) =>
        new(ProblemKind.NotFound, "Not found", $"There is no such revision of '{DraftNames.Shown(slug)}'.");

    private static WorkflowProblem? ReaderProblem(WorkflowPrincipal? principal) =>
        principal is null ? Problems.SignInRequired()
        : principal.IsEditor || principal.IsCopyEditor ? null
        : new WorkflowProblem(ProblemKind.Forbidden, "Editors and copy editors only",
            "Drafts are visible to people with the Editor or CopyEditor role; ask an administrator to give you one.");
}
