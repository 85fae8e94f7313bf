namespace HiiaPublish.Workflow;

/// <summary>
/// A paper as the list shows it: what it waits for and from whom. <see cref="Status"/> is one of review, changes,
/// problems, failed, rendering, publishing, published; <see cref="Attention"/> names the revision that needs
/// someone (or none).
/// </summary>
public sealed record DraftSummary(string Slug, string? Title, string LatestRevision, string Status, DraftAttention Attention,
    PublishedRevision? Published, DateTimeOffset UpdatedAt, int RevisionCount);

/// <summary>
/// Who must act: <c>review</c> (a copy editor), <c>changes</c>, <c>problems</c> or <c>failed</c> (the editor), or
/// <c>none</c>; and the revision it concerns with its number and uploader.
/// </summary>
public sealed record DraftAttention(string State, string? Revision = null, int? Number = null, string? UploadedBy = null, string? UploadedByName = null)
{
    public const string Review = "review";
    public const string Changes = "changes";
    public const string ProblemsFound = "problems";
    public const string Failed = "failed";
    public const string None = "none";
}

public sealed record PublishedRevision(string Revision, int Number, DateTimeOffset At, string? PublicPath);

/// <summary>The rules that turn a paper's revisions into its list state, its numbering and what each revision is compared with.</summary>
public static class DraftStates
{
    /// <summary>Revision numbers 1, 2, 3 … in upload order (the id breaks a tie of equal instants, so the order is total).</summary>
    public static IReadOnlyDictionary<string, int> Numbers(IEnumerable<RevisionRecord> revisions) =>
        Chronological(revisions).Select((r, i) => (r.Revision, Number: i + 1)).ToDictionary(x => x.Revision, x => x.Number, StringComparer.Ordinal);

    public static IReadOnlyList<RevisionRecord> Chronological(IEnumerable<RevisionRecord> revisions) =>
        [.. revisions.OrderBy(r => r.UploadedAt).ThenBy(r => r.Revision, StringComparer.Ordinal)];

    /// <summary>When the revision last changed: its newest history event, else its upload.</summary>
    public static DateTimeOffset LastChanged(RevisionRecord record) =>
        RevisionHistory.EventsOf(record).Select(e => e.At).DefaultIfEmpty(record.UploadedAt).Max();

    public static DraftSummary Summarise(string slug, string? headRevision, IReadOnlyList<RevisionRecord> revisions)
    {
        var ordered = Chronological(revisions);
        var numbers = Numbers(ordered);
        var newest = ordered[^1];
        var head = headRevision is null ? null : ordered.FirstOrDefault(r => r.Revision == headRevision);
        var publishedRecord = ordered.LastOrDefault(r => r.State == RevisionState.Published);
        var published = publishedRecord is null ? null : new PublishedRevision(publishedRecord.Revision, numbers[publishedRecord.Revision],
            RevisionHistory.EventsOf(publishedRecord).LastOrDefault(e => e.Kind == RevisionEventKind.Published)?.At ?? LastChanged(publishedRecord),
            RevisionHistory.EventsOf(publishedRecord).LastOrDefault(e => e.Kind == RevisionEventKind.Published)?.PublicPath);

        DraftAttention Concerning(string state, RevisionRecord r) =>
            new(state, r.Revision, numbers[r.Revision], r.UploadedBy, RevisionHistory.EventsOf(r).FirstOrDefault(e => e.Kind == RevisionEventKind.Uploaded)?.ByName ?? r.UploadedBy);

        // A revision waiting for a copy editor comes first: a newer broken upload never hides it.
        var (status, attention) =
            head?.State == RevisionState.Rendered ? ("review", Concerning(DraftAttention.Review, head))
            // The newest upload is broken and came after whatever happened to the head: the editor has problems to fix.
            : newest.State == RevisionState.Invalid && (head is null || newest.UploadedAt > LastChanged(head)) ? ("problems", Concerning(DraftAttention.ProblemsFound, newest))
            : head is null ? ("problems", Concerning(DraftAttention.ProblemsFound, newest))
            : head.State switch
            {
                RevisionState.ChangesRequested => ("changes", Concerning(DraftAttention.Changes, head)),
                RevisionState.Failed => ("failed", Concerning(DraftAttention.Failed, head)),
                RevisionState.Approved => ("publishing", new DraftAttention(DraftAttention.None, head.Revision, numbers[head.Revision])),
                RevisionState.Published => ("published", new DraftAttention(DraftAttention.None, head.Revision, numbers[head.Revision])),
                // A superseded head (uploaded in the same instant as the revision that overtook it) waits for nothing:
                // the paper is where the winning revision is, on the site or on its way there.
                RevisionState.Superseded => (ordered.Any(r => r.State == RevisionState.Approved) || publishedRecord is null ? "publishing" : "published",
                    new DraftAttention(DraftAttention.None, head.Revision, numbers[head.Revision])),
                RevisionState.Invalid => ("problems", Concerning(DraftAttention.ProblemsFound, head)),
                // Uploaded, queued, rendering: the typesetter has it.
                _ => ("rendering", new DraftAttention(DraftAttention.None, head.Revision, numbers[head.Revision])),
            };
        var title = head?.Title ?? ordered.LastOrDefault(r => r.Title is not null)?.Title;
        return new DraftSummary(slug, title, head?.Revision ?? "", status, attention, published,
            ordered.Max(LastChanged), ordered.Count);
    }

    /// <summary>
    /// What a revision's changes are shown against: the last approved or published revision before it, else the
    /// newest earlier revision that rendered; never an invalid upload. Null for the first revision that rendered.
    /// </summary>
    public static string? BaselineOf(RevisionRecord revision, IReadOnlyList<RevisionRecord> revisions)
    {
        var earlier = Chronological(revisions).TakeWhile(r => r.Revision != revision.Revision).ToArray();
        return (earlier.LastOrDefault(r => r.State is RevisionState.Approved or RevisionState.Published && r.PreviewSha256 is not null)
            ?? earlier.LastOrDefault(r => r.HasPreview && r.PreviewSha256 is not null))?.Revision;
    }
}
