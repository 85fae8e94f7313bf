namespace HiiaPublish.Workflow;

public sealed partial class WorkflowService
{
    /// <summary>
    /// A copy editor approves the exact PDF they saw. Only the latest valid revision, only when rendered, only
    /// by someone other than its uploader; the transition is one ETag-guarded write, so of many concurrent
    /// approvals exactly one wins and queues the publish.
    /// </summary>
    public async Task<WorkflowResult<RevisionRecord>> ApproveAsync(string slug, string revision, string? pdfSha256,
        WorkflowPrincipal? principal, CancellationToken cancellationToken)
    {
        using var traced = WorkflowTelemetry.StartApprove(logger, slug, revision);
        for (var attempt = 0; attempt < MaxTransitionAttempts; attempt++)
        {
            var checkedOut = await CheckReviewAsync(slug, revision, principal, "approve", cancellationToken);
            if (checkedOut.Problem is not null) return checkedOut.Problem;
            var (stored, head) = checkedOut.Value!;
            var (record, reviewer) = (stored.Record, principal!);
            if (pdfSha256 is null || !DraftNames.IsRevision(pdfSha256.ToLowerInvariant()))
                return new WorkflowProblem(ProblemKind.BadRequest, "Which PDF did you see?",
                    "Send the SHA-256 of the preview PDF you reviewed as 'pdfSha256' (64 hexadecimal characters).", null, slug, revision);
            var seen = pdfSha256.ToLowerInvariant();

            // The same reviewer sending the same approval again (a retried request) gets the same answer.
            if (record.State is RevisionState.Approved or RevisionState.Published && record.ReviewedBy == reviewer.Id && record.ApprovedPdfSha256 == seen)
            {
                if (record.State == RevisionState.Approved) await QueuePublishAsync(record, cancellationToken);
                return record;
            }
            if (record.State != RevisionState.Rendered)
                return Problems.NotReviewable(record);
            if (seen != record.PreviewSha256)
                return new WorkflowProblem(ProblemKind.Conflict, "Not the PDF of this revision",
                    $"The PDF you approved (SHA-256 {seen[..12]}…) is not this revision's preview ({record.PreviewSha256![..12]}…); open the preview again and approve what you see.",
                    null, slug, revision);
            if (!record.AuditAllows) return Problems.AuditFailed(record);
            if (!await HoldHeadAsync(record, head, cancellationToken)) continue;

            var approved = record with
            {
                State = RevisionState.Approved, ReviewedBy = reviewer.Id, ReviewedAt = time.GetUtcNow(), ApprovedPdfSha256 = seen, Comment = null,
            };
            approved = approved.With(RevisionEvent.By(RevisionEventKind.Approved, approved.ReviewedAt!.Value, reviewer, pdfSha256: seen));
            if (await revisions.TryReplaceAsync(approved, stored.ETag, cancellationToken) is null)
                return Problems.ChangedMeanwhile(slug, revision);
            await QueuePublishAsync(approved, cancellationToken);
            return approved;
        }
        return Problems.ChangedMeanwhile(slug, revision);
    }

    /// <summary>A copy editor sends the latest rendered revision back to the editor with a comment.</summary>
    public async Task<WorkflowResult<RevisionRecord>> RequestChangesAsync(string slug, string revision, string? comment,
        WorkflowPrincipal? principal, CancellationToken cancellationToken)
    {
        using var traced = WorkflowTelemetry.StartRequestChanges(logger, slug, revision);
        for (var attempt = 0; attempt < MaxTransitionAttempts; attempt++)
        {
            var checkedOut = await CheckReviewAsync(slug, revision, principal, "request changes to", cancellationToken);
            if (checkedOut.Problem is not null) return checkedOut.Problem;
            var (stored, head) = checkedOut.Value!;
            if (string.IsNullOrWhiteSpace(comment) || comment.Length > MaxCommentLength)
                return new WorkflowProblem(ProblemKind.BadRequest, "A comment is needed",
                    $"Say what the editor should change in 'comment' (1 to {MaxCommentLength} characters).", null, slug, revision);
            if (stored.Record.State == RevisionState.ChangesRequested && stored.Record.ReviewedBy == principal!.Id && stored.Record.Comment == comment)
                return stored.Record;
            if (stored.Record.State != RevisionState.Rendered) return Problems.NotReviewable(stored.Record);
            if (!await HoldHeadAsync(stored.Record, head, cancellationToken)) continue;

            var sentBack = stored.Record with { State = RevisionState.ChangesRequested, ReviewedBy = principal!.Id, ReviewedAt = time.GetUtcNow(), Comment = comment };
            sentBack = sentBack.With(RevisionEvent.By(RevisionEventKind.SentBack, sentBack.ReviewedAt!.Value, principal, comment));
            return await revisions.TryReplaceAsync(sentBack, stored.ETag, cancellationToken) is null
                ? Problems.ChangedMeanwhile(slug, revision)
                : sentBack;
        }
        return Problems.ChangedMeanwhile(slug, revision);
    }

    /// <summary>
    /// Rewrites the draft head exactly as the review's check read it, with If-Match on the ETag of that read
    /// (or creates it if there was none). False when an upload moved the head since the check: the review is
    /// then checked again and answers 409. When it succeeds, the head's ETag has changed, so an upload that read
    /// the head before this moment loses its own conditional head write and retries after the review; the
    /// review therefore happened while its revision was the latest. Two single-row writes, never a batch.
    /// </summary>
    private Task<bool> HoldHeadAsync(RevisionRecord record, StoredHead? head, CancellationToken cancellationToken) =>
        head is null
            ? revisions.TryWriteHeadAsync(new DraftHead(record.Slug, record.Revision, record.Title), null, cancellationToken)
            : revisions.TryWriteHeadAsync(head.Head, head.ETag, cancellationToken);

    // A comment is a note to the editor, not a second paper; 4,000 characters is a long page of remarks.
    private const int MaxCommentLength = 4000;

    private sealed record ReviewCheck(StoredRevision Stored, StoredHead? Head);

    private async Task<WorkflowResult<ReviewCheck>> CheckReviewAsync(string slug, string revision, WorkflowPrincipal? principal,
        string verb, CancellationToken cancellationToken)
    {
        if (principal is null) return Problems.SignInRequired();
        if (!principal.IsCopyEditor)
            return new WorkflowProblem(ProblemKind.Forbidden, "Copy editors only",
                $"Only a copy editor can {verb} a revision, and your account does not have the CopyEditor role; ask a copy editor to review it.", null, slug, revision);
        if (!DraftNames.IsSlug(slug) || !DraftNames.IsRevision(revision)) return Problems.NotFound(slug, revision);
        var stored = await revisions.GetAsync(slug, revision, cancellationToken);
        if (stored is null) return Problems.NotFound(slug, revision);
        if (stored.Record.UploadedBy == principal.Id)
            return new WorkflowProblem(ProblemKind.Forbidden, "Four eyes",
                $"You uploaded this revision, so you cannot {verb} it yourself: another copy editor must review it.", null, slug, revision);
        var head = await revisions.GetHeadAsync(slug, cancellationToken);
        if (head is not null && head.Head.LatestRevision != revision)
            return new WorkflowProblem(ProblemKind.Conflict, "A newer revision exists",
                $"Revision {head.Head.LatestRevision[..12]} of '{slug}' was uploaded after this one; review the latest revision instead.", null, slug, revision);
        return new ReviewCheck(stored, head);
    }

    private Task QueuePublishAsync(RevisionRecord record, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(WorkQueues.Publish, new WorkMessage(record.Slug, record.Revision), cancellationToken);
}
