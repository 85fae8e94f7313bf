namespace HiiaPublish.Core.Workflow;

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
        var checkedOut = await CheckReviewAsync(slug, revision, principal, "approve", cancellationToken);
        if (checkedOut.Problem is not null) return checkedOut.Problem;
        var (stored, reviewer) = (checkedOut.Value!, principal!);
        var record = stored.Record;
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

        var approved = record with
        {
            State = RevisionState.Approved, ReviewedBy = reviewer.Id, ReviewedAt = time.GetUtcNow(), ApprovedPdfSha256 = seen, Comment = null,
        };
        if (await revisions.TryReplaceAsync(approved, stored.ETag, cancellationToken) is null)
            return Problems.ChangedMeanwhile(slug, revision);
        await QueuePublishAsync(approved, cancellationToken);
        return approved;
    }

    /// <summary>A copy editor sends the latest rendered revision back to the editor with a comment.</summary>
    public async Task<WorkflowResult<RevisionRecord>> RequestChangesAsync(string slug, string revision, string? comment,
        WorkflowPrincipal? principal, CancellationToken cancellationToken)
    {
        var checkedOut = await CheckReviewAsync(slug, revision, principal, "request changes to", cancellationToken);
        if (checkedOut.Problem is not null) return checkedOut.Problem;
        var stored = checkedOut.Value!;
        if (string.IsNullOrWhiteSpace(comment) || comment.Length > MaxCommentLength)
            return new WorkflowProblem(ProblemKind.BadRequest, "A comment is needed",
                $"Say what the editor should change in 'comment' (1 to {MaxCommentLength} characters).", null, slug, revision);
        if (stored.Record.State == RevisionState.ChangesRequested && stored.Record.ReviewedBy == principal!.Id && stored.Record.Comment == comment)
            return stored.Record;
        if (stored.Record.State != RevisionState.Rendered) return Problems.NotReviewable(stored.Record);

        var sentBack = stored.Record with { State = RevisionState.ChangesRequested, ReviewedBy = principal!.Id, ReviewedAt = time.GetUtcNow(), Comment = comment };
        return await revisions.TryReplaceAsync(sentBack, stored.ETag, cancellationToken) is null
            ? Problems.ChangedMeanwhile(slug, revision)
            : sentBack;
    }

    // A comment is a note to the editor, not a second paper; 4,000 characters is a long page of remarks.
    private const int MaxCommentLength = 4000;

    private async Task<WorkflowResult<StoredRevision>> CheckReviewAsync(string slug, string revision, WorkflowPrincipal? principal,
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
        return stored;
    }

    private Task QueuePublishAsync(RevisionRecord record, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(WorkQueues.Publish, new WorkMessage(record.Slug, record.Revision), cancellationToken);
}
