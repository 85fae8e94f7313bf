namespace HiiaPublish.Workflow;

/// <summary>What happened to a revision, as the paper's timeline names it.</summary>
public enum RevisionEventKind
{
    Uploaded,
    ProblemsFound,
    Rendered,
    SentBack,
    Replied,
    Approved,
    Published,
    Failed,
    /// <summary>Its publish came after a revision uploaded later was approved: not published, nothing public changed.</summary>
    Superseded,
}

/// <summary>
/// One entry of a revision's history: what happened, when, and who did it (id and the display name they had then,
/// so the timeline shows names without a directory of people). The history travels inside the revision's record
/// and is extended by the same ETag-guarded write that makes the transition, so the store never holds an event
/// whose transition did not happen, nor a transition without its event.
/// </summary>
public sealed record RevisionEvent(
    RevisionEventKind Kind,
    DateTimeOffset At,
    string? ById = null,
    string? ByName = null,
    string? Comment = null,
    int? Pages = null,
    string? PdfSha256 = null,
    string? PublicPath = null,
    int? Problems = null,
    string? Reason = null)
{
    public static RevisionEvent By(RevisionEventKind kind, DateTimeOffset at, WorkflowPrincipal who, string? comment = null, string? pdfSha256 = null) =>
        new(kind, at, who.Id, string.IsNullOrWhiteSpace(who.Name) ? who.Id : who.Name, comment, PdfSha256: pdfSha256);
}

public static class RevisionHistory
{
    // A record is one JSON column of at most 64 KiB in Table storage: replies are bounded in number and length,
    // and a thread longer than this is a conversation for another channel.
    public const int MaxReplies = 12;
    public const int MaxReplyLength = 2000;

    /// <summary>The record with <paramref name="entry"/> appended to its history.</summary>
    public static RevisionRecord With(this RevisionRecord record, RevisionEvent entry) =>
        record with { History = [.. record.History ?? [], entry] };

    /// <summary>
    /// The history as stored, or, for a record written before histories were kept, the events its fields still
    /// tell (upload, review), so old papers do not show an empty timeline.
    /// </summary>
    public static IReadOnlyList<RevisionEvent> EventsOf(RevisionRecord record)
    {
        if (record.History is { Count: > 0 } stored) return stored;
        var told = new List<RevisionEvent> { new(RevisionEventKind.Uploaded, record.UploadedAt, record.UploadedBy, record.UploadedBy) };
        if (record.ReviewedAt is { } at && record.ReviewedBy is { } by)
            told.Add(record.State == RevisionState.ChangesRequested
                ? new(RevisionEventKind.SentBack, at, by, by, record.Comment)
                : new(RevisionEventKind.Approved, at, by, by, PdfSha256: record.ApprovedPdfSha256));
        return told;
    }
}
