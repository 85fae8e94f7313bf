namespace HiiaPublish.Workflow;

/// <summary>The refusals more than one workflow method gives, each with a sentence saying what to do.</summary>
internal static class Problems
{
    public static WorkflowProblem SignInRequired() => new(ProblemKind.Unauthorized, "Sign-in required",
        "Sign in with your institute account; the request carried no identity the app trusts.");

    public static WorkflowProblem UploadRole(WorkflowPrincipal principal) => new(ProblemKind.Forbidden, "Editors only",
        "Only people with the Editor or CopyEditor role can upload drafts; ask an administrator to give you the Editor role.");

    public static WorkflowProblem NotFound(string slug, string? revision) => new(ProblemKind.NotFound, "Not found",
        revision is null ? $"There is no draft '{DraftNames.Shown(slug)}'." : $"There is no revision '{DraftNames.Shown(revision)}' of '{DraftNames.Shown(slug)}'.",
        null, DraftNames.IsSlug(slug) ? slug : null, revision is not null && DraftNames.IsRevision(revision) ? revision : null);

    public static WorkflowProblem NotReviewable(RevisionRecord record) => new(ProblemKind.Conflict, "Not ready for review",
        $"This revision is {StateName(record.State)}; only a rendered revision can be reviewed.", null, record.Slug, record.Revision);

    public static WorkflowProblem AuditFailed(RevisionRecord record) => new(ProblemKind.Conflict, "The PDF fails the accessibility audit",
        $"This revision cannot be approved: {record.Audit!.Sentence()} See docs/accessibility.md; fix the cause and upload the draft again.",
        null, record.Slug, record.Revision);

    public static WorkflowProblem ChangedMeanwhile(string slug, string revision) => new(ProblemKind.PreconditionFailed, "Changed meanwhile",
        "Someone else reviewed this revision at the same moment; reload it to see their decision.", null, slug, revision);

    public static WorkflowProblem Busy(string slug, string revision) => new(ProblemKind.PreconditionFailed, "Changed meanwhile",
        "The same draft was being uploaded at the same moment; send it again.", null, slug, revision);

    public static string StateName(RevisionState state) => state switch
    {
        RevisionState.ChangesRequested => "changes-requested",
        _ => state.ToString().ToLowerInvariant(),
    };
}
