namespace HiiaPublish.Workflow;

/// <summary>
/// One uploaded revision of a draft and everything the workflow decided about it. Immutable: a transition
/// is a new record written over the old one only if the old one's ETag still holds.
/// </summary>
public sealed record RevisionRecord(
    string Slug,
    string Revision,
    RevisionState State,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    string SourceFile,
    IReadOnlyList<string> Files,
    IReadOnlyList<DiagnosticView> Diagnostics,
    string? Title = null,
    string? PreviewSha256 = null,
    int PageCount = 0,
    string? ReviewedBy = null,
    DateTimeOffset? ReviewedAt = null,
    string? ApprovedPdfSha256 = null,
    string? Comment = null,
    int Attempts = 0,
    string? LastError = null,
    string? FailureReason = null,
    string? KeptMessage = null,
    AuditSummary? Audit = null,
    IReadOnlyList<RevisionEvent>? History = null,
    IReadOnlyList<string>? Authors = null)
{
    /// <summary>False when the preview's accessibility audit failed: such a revision is never approved or published.</summary>
    public bool AuditAllows => Audit is null || Audit.AllPass;

    /// <summary>States after which no render or publish work remains.</summary>
    public bool IsSettled => State is RevisionState.Invalid or RevisionState.Published or RevisionState.Failed or RevisionState.Superseded;

    /// <summary>States in which a preview PDF exists and may be shown.</summary>
    public bool HasPreview => State is RevisionState.Rendered or RevisionState.ChangesRequested
        or RevisionState.Approved or RevisionState.Published or RevisionState.Superseded || (State == RevisionState.Failed && PreviewSha256 is not null);
}

/// <summary>A revision as read from the store, with the ETag a transition must match.</summary>
public sealed record StoredRevision(RevisionRecord Record, string ETag);
