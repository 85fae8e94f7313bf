using HiiaPublish.Format;
using HiiaPublish.Pdf.Audit;
using HiiaPublish.Rendering;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Site.Search;
using HiiaPublish.Site.Storage;
using Microsoft.Extensions.Logging;

namespace HiiaPublish.Workflow;

/// <summary>
/// The editorial workflow: upload, render, review, publish. The HTTP functions, the queue functions and
/// `hiia serve` all call these methods and nothing else. Every transition is one ETag-guarded write of the
/// revision record, and every queue handler first reads the record, so a repeated or retried message
/// finds its work done and does nothing.
/// </summary>
public sealed partial class WorkflowService(
    IRevisionStore revisions,
    IDraftStore drafts,
    IWorkQueue queue,
    ISiteStore site,
    PerspectiveParser parser,
    IPreviewRenderer renderer,
    SitePublisher publisher,
    TimeProvider time,
    IFailedMessageStore failedMessages,
    IPdfAudit? audit = null,
    ILogger<WorkflowService>? logger = null,
    ISiteSearchUpdater? search = null)
{
    // A transition that keeps losing to other writers is re-read and re-decided; ten rounds is far more than
    // the handful of writers one revision ever has (a handler, a retry, a reviewer).
    private const int MaxTransitionAttempts = 10;

    // The one parse-then-render path, built once over this service's parser and preview port.
    private readonly DraftRenderer _drafts = new(WorkflowTelemetry.Checking(parser.Parse), WorkflowTelemetry.Typesetting(renderer.Render));

    // Every preview is audited here, the one place a PDF becomes a revision's preview (so the only PDFs that can
    // be approved and published); `hiia audit` runs the same auditor by hand.
    private readonly IPdfAudit _audit = audit ?? new PdfAuditor();

    public async Task<WorkflowResult<RevisionRecord>> UploadAsync(DraftFiles files, WorkflowPrincipal? principal, CancellationToken cancellationToken)
    {
        using var traced = WorkflowTelemetry.StartUpload(logger, files);
        if (principal is null) return Problems.SignInRequired();
        if (!principal.IsEditor && !principal.IsCopyEditor) return Problems.UploadRole(principal);
        foreach (var name in files.FileNames)
            if (DraftNames.FileNameProblem(name) is { } problem)
                return new WorkflowProblem(ProblemKind.BadRequest, "Bad file name", problem);

        var revision = files.RevisionId();
        var parsed = WorkflowTelemetry.Checking(parser.Parse)(new DraftSource(files.SourceFile, files.Source, files));
        var metadataSlug = parsed.Perspective?.Metadata.Slug;
        var slug = DraftNames.IsSlug(metadataSlug) ? metadataSlug! : DraftNames.SlugFromFileName(files.SourceFile);
        var diagnostics = DiagnosticView.FromAll(parsed.Diagnostics);
        if (slug is null)
            return new WorkflowProblem(ProblemKind.Invalid, "The draft has no usable slug",
                "Neither the front matter nor the file name gives a slug (lower-case letters, digits and '-'); add 'slug: my-paper' to the front matter.",
                diagnostics);

        var existing = await revisions.GetAsync(slug, revision, cancellationToken);
        if (existing is not null) return await ResumeUploadAsync(existing, principal, cancellationToken);
        // Nothing is stored for a draft refused its slug: it is another paper, and its revisions would otherwise join
        // the history of the paper whose address it took.
        if (parsed.Perspective is { } perspective &&
            await SlugCollisionAsync(perspective.Metadata, revision, files.SourceFile, cancellationToken) is { } collision)
            return new WorkflowProblem(ProblemKind.Invalid, "The draft has errors", "Fix the problems listed in 'diagnostics' and upload the draft again.",
                [.. diagnostics, DiagnosticView.From(collision)], slug);

        foreach (var name in files.FileNames)
            await drafts.PutFileAsync(slug, revision, name, name == files.SourceFile ? files.Source : files.Assets[name], cancellationToken);
        var record = new RevisionRecord(slug, revision, parsed.HasErrors ? RevisionState.Invalid : RevisionState.Queued,
            principal.Id, time.GetUtcNow(), files.SourceFile, files.FileNames, diagnostics, parsed.Perspective?.Metadata.Title)
        {
            Authors = parsed.Perspective?.Metadata.Authors.Select(a => a.Name).ToArray(),
        };
        record = record.With(RevisionEvent.By(RevisionEventKind.Uploaded, record.UploadedAt, principal));
        if (parsed.HasErrors) record = record.With(new RevisionEvent(RevisionEventKind.ProblemsFound, record.UploadedAt, Problems: ErrorCount(diagnostics)));
        if (!await revisions.TryCreateAsync(record, cancellationToken))
        {
            // The same files arrived twice at once: the other request created the record; finish its work.
            var raced = await revisions.GetAsync(slug, revision, cancellationToken);
            return raced is null ? Problems.Busy(slug, revision) : await ResumeUploadAsync(raced, principal, cancellationToken);
        }
        if (record.State == RevisionState.Queued) await QueueRenderAsync(record, cancellationToken);
        return record;
    }

    /// <summary>
    /// The same revision uploaded again: whatever an earlier upload left undone (head, render message) is done
    /// now, and a failed revision gets a fresh start, which its timeline shows as a new upload by whoever sent it.
    /// </summary>
    private async Task<WorkflowResult<RevisionRecord>> ResumeUploadAsync(StoredRevision existing, WorkflowPrincipal principal,
        CancellationToken cancellationToken)
    {
        var record = existing.Record;
        if (record.State == RevisionState.Failed)
        {
            var restarted = (record with
            {
                State = RevisionState.Queued, Attempts = 0, LastError = null, FailureReason = null, KeptMessage = null,
                PreviewSha256 = null, PageCount = 0, Audit = null, ReviewedBy = null, ReviewedAt = null, ApprovedPdfSha256 = null,
            }).With(RevisionEvent.By(RevisionEventKind.Uploaded, time.GetUtcNow(), principal));
            if (await revisions.TryReplaceAsync(restarted, existing.ETag, cancellationToken) is null)
                return Problems.Busy(record.Slug, record.Revision);
            record = restarted;
        }
        if (record.State is RevisionState.Queued or RevisionState.Rendering) await QueueRenderAsync(record, cancellationToken);
        else if (record.State != RevisionState.Invalid) await MoveHeadAsync(record, cancellationToken);
        return record;
    }

    // Head first, then the message: a crash between them leaves a queued revision that the next upload of the
    // same files (the editor's retry) re-queues; the render handler is idempotent, so a second message is harmless.
    private async Task QueueRenderAsync(RevisionRecord record, CancellationToken cancellationToken)
    {
        await MoveHeadAsync(record, cancellationToken);
        await queue.EnqueueAsync(WorkQueues.Render, new WorkMessage(record.Slug, record.Revision), cancellationToken);
    }

    /// <summary>Makes this revision the draft's latest: the one copy editors review.</summary>
    private async Task MoveHeadAsync(RevisionRecord record, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxTransitionAttempts; attempt++)
        {
            var current = await revisions.GetHeadAsync(record.Slug, cancellationToken);
            if (current?.Head.LatestRevision == record.Revision) return;
            var head = new DraftHead(record.Slug, record.Revision, record.Title);
            if (await revisions.TryWriteHeadAsync(head, current?.ETag, cancellationToken)) return;
        }
        throw new WorkflowBusyException($"The draft '{record.Slug}' kept changing while its latest revision was recorded.");
    }

    private static int ErrorCount(IReadOnlyList<DiagnosticView> diagnostics) => diagnostics.Count(d => d.Severity == "error");

    /// <summary>Re-reads and re-decides until the change is written or <paramref name="change"/> says nothing is left to do (null).</summary>
    private async Task<RevisionRecord?> TransitionAsync(string slug, string revision, Func<RevisionRecord, RevisionRecord?> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxTransitionAttempts; attempt++)
        {
            var stored = await revisions.GetAsync(slug, revision, cancellationToken);
            if (stored is null) return null;
            var next = change(stored.Record);
            if (next is null) return stored.Record;
            if (await revisions.TryReplaceAsync(next, stored.ETag, cancellationToken) is not null) return next;
        }
        throw new WorkflowBusyException($"Revision {revision[..12]} of '{slug}' kept changing while it was being updated.");
    }
}

/// <summary>Another writer kept winning; the message is retried later (never a user error).</summary>
public sealed class WorkflowBusyException(string message) : Exception(message);
