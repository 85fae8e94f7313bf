using HiiaPublish.Format;

namespace HiiaPublish.Workflow;

/// <summary>One line of a paper's timeline: an event of one of its revisions, with that revision's id and number.</summary>
public sealed record HistoryEntry(string Revision, int Number, RevisionEvent Event);

/// <summary>The readable text of one revision (see <see cref="ReadableText"/>).</summary>
public sealed record RevisionText(string Slug, string Revision, int Number, IReadOnlyList<ReadableBlock> Blocks);

public sealed partial class WorkflowService
{
    /// <summary>Every paper with what it waits for, newest activity first.</summary>
    public async Task<WorkflowResult<IReadOnlyList<DraftSummary>>> ListDraftSummariesAsync(WorkflowPrincipal? principal, CancellationToken cancellationToken)
    {
        if (ReaderProblem(principal) is { } problem) return problem;
        // Every slug, not only those with a head: a paper whose every upload was invalid has problems to show.
        var heads = (await revisions.ListHeadsAsync(cancellationToken)).ToDictionary(h => h.Slug, StringComparer.Ordinal);
        var summaries = new List<DraftSummary>();
        foreach (var slug in (await revisions.ListSlugsAsync(cancellationToken)).Union(heads.Keys, StringComparer.Ordinal))
        {
            var all = await revisions.ListRevisionsAsync(slug, cancellationToken);
            if (all.Count > 0) summaries.Add(DraftStates.Summarise(slug, heads.GetValueOrDefault(slug)?.LatestRevision, all));
        }
        return new WorkflowResult<IReadOnlyList<DraftSummary>>(
            [.. summaries.OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Slug, StringComparer.Ordinal)], null);
    }

    /// <summary>`GET …/history`: every event of every revision of the paper, oldest first.</summary>
    public async Task<WorkflowResult<IReadOnlyList<HistoryEntry>>> GetHistoryAsync(string slug, WorkflowPrincipal? principal, CancellationToken cancellationToken)
    {
        if (ReaderProblem(principal) is { } problem) return problem;
        if (!DraftNames.IsSlug(slug)) return Problems.NotFound(slug, null);
        var all = await revisions.ListRevisionsAsync(slug, cancellationToken);
        if (all.Count == 0) return Problems.NotFound(slug, null);
        var numbers = DraftStates.Numbers(all);
        // Stable on equal instants: revision order, then the order the events were written in.
        var entries = DraftStates.Chronological(all)
            .SelectMany(r => RevisionHistory.EventsOf(r).Select((e, i) => (Entry: new HistoryEntry(r.Revision, numbers[r.Revision], e), Order: i)))
            .OrderBy(x => x.Entry.Event.At).ThenBy(x => x.Entry.Number).ThenBy(x => x.Order)
            .Select(x => x.Entry).ToArray();
        return entries;
    }

    /// <summary>
    /// `POST …/replies`: an editor (or copy editor) answers a request for changes, one message of the revision's
    /// thread. One ETag-guarded write of the record, like every transition; the same reply sent twice is kept once.
    /// </summary>
    public async Task<WorkflowResult<RevisionRecord>> ReplyAsync(string slug, string revision, string? comment, WorkflowPrincipal? principal,
        CancellationToken cancellationToken)
    {
        if (ReaderProblem(principal) is { } problem) return problem;
        if (!DraftNames.IsSlug(slug) || !DraftNames.IsRevision(revision)) return Problems.NotFound(slug, revision);
        if (string.IsNullOrWhiteSpace(comment) || comment.Length > RevisionHistory.MaxReplyLength)
            return new WorkflowProblem(ProblemKind.BadRequest, "A reply is needed",
                $"Write your answer in 'comment' (1 to {RevisionHistory.MaxReplyLength} characters).", null, slug, revision);
        var stored = await revisions.GetAsync(slug, revision, cancellationToken);
        if (stored is null) return Problems.NotFound(slug, revision);
        if (!RevisionHistory.EventsOf(stored.Record).Any(e => e.Kind == RevisionEventKind.SentBack))
            return new WorkflowProblem(ProblemKind.Conflict, "Nothing to reply to",
                "A reply answers a copy editor's request for changes, and this revision was not sent back.", null, slug, revision);
        var refused = (WorkflowProblem?)null;
        var written = await TransitionAsync(slug, revision, record =>
        {
            var events = RevisionHistory.EventsOf(record);
            var last = events[^1];
            if (last.Kind == RevisionEventKind.Replied && last.ById == principal!.Id && last.Comment == comment) return null;
            if (events.Count(e => e.Kind == RevisionEventKind.Replied) >= RevisionHistory.MaxReplies)
            {
                refused = new WorkflowProblem(ProblemKind.Conflict, "The thread is full",
                    $"This revision already has {RevisionHistory.MaxReplies} replies; upload a corrected revision, or talk to the copy editor directly.", null, slug, revision);
                return null;
            }
            var kept = record.History is { Count: > 0 } ? record : record with { History = events };
            return kept.With(RevisionEvent.By(RevisionEventKind.Replied, time.GetUtcNow(), principal!, comment));
        }, cancellationToken);
        if (refused is not null) return refused;
        return written is null ? Problems.NotFound(slug, revision) : written;
    }

    /// <summary>`GET …/text`: the revision's readable text from the parsed model, for the desk's word-by-word comparison.</summary>
    public async Task<WorkflowResult<RevisionText>> GetTextAsync(string slug, string revision, WorkflowPrincipal? principal, CancellationToken cancellationToken)
    {
        if (ReaderProblem(principal) is { } problem) return problem;
        if (!DraftNames.IsSlug(slug) || !DraftNames.IsRevision(revision)) return Problems.NotFound(slug, revision);
        var all = await revisions.ListRevisionsAsync(slug, cancellationToken);
        var record = all.FirstOrDefault(r => r.Revision == revision);
        if (record is null) return Problems.NotFound(slug, revision);
        var files = await ReadFilesAsync(record, cancellationToken);
        var parsed = parser.Parse(new DraftSource(files.SourceFile, files.Source, files));
        if (parsed.Perspective is null)
            return new WorkflowProblem(ProblemKind.Conflict, "No readable text",
                "This revision does not read as a paper (it has problems), so it has no text to compare; see its problems instead.",
                record.Diagnostics, slug, revision);
        return new RevisionText(slug, revision, DraftStates.Numbers(all)[revision], ReadableText.Of(parsed.Perspective));
    }
}
