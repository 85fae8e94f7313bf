using HiiaPublish.Format;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Workflow;

public sealed partial class WorkflowService
{
    // An exception text is kept for the editor and the operator; its first 500 characters say what went wrong.
    private const int MaxErrorLength = 500;

    /// <summary>
    /// Handles one `render` message. Throws on a transient failure so the queue delivers it again; the record
    /// keeps the last error, which the poison handler turns into the reason the editor sees.
    /// </summary>
    public async Task HandleRenderAsync(string message, CancellationToken cancellationToken)
    {
        using var traced = WorkflowTelemetry.StartRender(logger, message);
        var work = WorkMessage.TryParse(message);
        if (work is null) return; // nothing could ever make it succeed, and it names no revision to mark
        await RecordingErrorsAsync(work, () => RenderAsync(work, cancellationToken), cancellationToken);
    }

    /// <summary>Handles one `publish` message: puts exactly the approved preview bytes on the site.</summary>
    public async Task HandlePublishAsync(string message, CancellationToken cancellationToken)
    {
        using var traced = WorkflowTelemetry.StartPublish(logger, message);
        var work = WorkMessage.TryParse(message);
        if (work is null) return;
        await RecordingErrorsAsync(work, () => PublishAsync(work, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// A message that failed every attempt, delivered from the poison queue: the message is kept first (the
    /// trigger consumes it), then the revision becomes failed with the last error as the reason. Both steps
    /// are idempotent, so a redelivery or a crash between them ends in the same state.
    /// </summary>
    public async Task HandlePoisonAsync(string queueName, string? messageId, string message, CancellationToken cancellationToken)
    {
        using var traced = WorkflowTelemetry.StartPoison(logger, queueName, message);
        await failedMessages.KeepAsync(FailedMessage.Of(queueName, messageId, message), cancellationToken);
        var work = WorkMessage.TryParse(message);
        if (work is null) return;
        var step = queueName.StartsWith(WorkQueues.Publish, StringComparison.Ordinal) ? "Publishing" : "Rendering";
        await TransitionAsync(work.Slug, work.Revision, record => record.IsSettled ? null : FailedWithEvent(record with
        {
            State = RevisionState.Failed,
            FailureReason = $"{step} did not succeed after {WorkQueues.MaxAttempts} attempts; the last error was: {record.LastError ?? "none was recorded"}. Upload the draft again to retry; if it fails again, tell the site's administrator.",
            KeptMessage = message.Length > MaxErrorLength ? message[..MaxErrorLength] : message,
        }), cancellationToken);
    }

    private RevisionRecord FailedWithEvent(RevisionRecord failed) =>
        failed.With(new RevisionEvent(RevisionEventKind.Failed, time.GetUtcNow(), Reason: failed.FailureReason));

    private async Task RenderAsync(WorkMessage work, CancellationToken cancellationToken)
    {
        var started = await TransitionAsync(work.Slug, work.Revision, record => record.State is RevisionState.Queued or RevisionState.Rendering
            ? record with { State = RevisionState.Rendering, Attempts = record.Attempts + 1 }
            : null, cancellationToken) ?? throw new RevisionMissingException(work);
        if (started.State != RevisionState.Rendering) return; // rendered, reviewed or settled already

        var files = await ReadFilesAsync(started, cancellationToken);
        // An exception is a fault, not the draft's: it reaches RecordingErrorsAsync unchanged, and the queue retries.
        var rendered = _drafts.Render(new DraftSource(files.SourceFile, files.Source, files), cancellationToken);
        if (rendered.Pdf is not { } pdf)
        {
            // Kept as it always was: when typesetting ran, the record shows its problems only, not the parser's
            // warnings recorded at upload.
            var diagnostics = DiagnosticView.FromAll(rendered.Rendered?.Diagnostics ?? rendered.Diagnostics);
            await TransitionAsync(work.Slug, work.Revision, record => record.State == RevisionState.Rendering
                ? (record with { State = RevisionState.Invalid, Diagnostics = diagnostics })
                    .With(new RevisionEvent(RevisionEventKind.ProblemsFound, time.GetUtcNow(), Problems: ErrorCount(diagnostics))) : null, cancellationToken);
            return;
        }

        // The preview is written before the record says "rendered": a crash between the two re-renders into the
        // same blob, and no one has seen (or approved) a preview until the record points to its hash.
        await drafts.PutPreviewAsync(work.Slug, work.Revision, pdf, cancellationToken);
        var previewSha256 = ContentHash.Sha256Hex(pdf);
        var warnings = DiagnosticView.FromAll(rendered.Diagnostics);
        var audit = AuditSummary.Of(_audit.Audit(pdf));
        await TransitionAsync(work.Slug, work.Revision, record => record.State == RevisionState.Rendering
            ? (record with { State = RevisionState.Rendered, PreviewSha256 = previewSha256, PageCount = rendered.PageCount, Diagnostics = warnings, Audit = audit, LastError = null })
                .With(new RevisionEvent(RevisionEventKind.Rendered, time.GetUtcNow(), Pages: rendered.PageCount, PdfSha256: previewSha256))
            : null, cancellationToken);
    }

    private async Task PublishAsync(WorkMessage work, CancellationToken cancellationToken)
    {
        var stored = await revisions.GetAsync(work.Slug, work.Revision, cancellationToken) ?? throw new RevisionMissingException(work);
        var record = stored.Record;
        if (record.State != RevisionState.Approved) return; // published already, or never approved
        if (await SupersedeIfNotNewestAsync(record, cancellationToken)) return; // a newer approved revision wins

        var pdf = await drafts.GetPreviewAsync(work.Slug, work.Revision, cancellationToken);
        if (pdf is null || ContentHash.Sha256Hex(pdf) != record.ApprovedPdfSha256)
        {
            await FailAsync(work, "The approved preview PDF is missing or no longer matches what the copy editor approved, so nothing was published; upload the draft again.", cancellationToken);
            return;
        }
        if (!record.AuditAllows)
        {
            await FailAsync(work, $"Not published: {record.Audit!.Sentence()}", cancellationToken);
            return;
        }
        var files = await ReadFilesAsync(record, cancellationToken);
        var parsed = parser.Parse(new DraftSource(files.SourceFile, files.Source, files));
        if (parsed.Perspective is null)
        {
            await FailAsync(work, "The approved draft no longer reads as a valid paper (was the parser changed?); upload it again.", cancellationToken);
            return;
        }

        // The approval instant is the publication instant: a retry publishes byte-identical pages.
        var request = PublicationRequest.FromDraft(parsed.Perspective, pdf, record.PageCount, record.Revision,
            record.ReviewedAt ?? record.UploadedAt, files, files.SourceFile);
        var result = await publisher.PublishAsync(request, site, cancellationToken);
        if (!result.Published)
        {
            var errors = string.Join(" ", result.Diagnostics.Where(d => d.Severity == Format.Diagnostics.Severity.Error).Select(d => $"{d.Code}: {d.Message}"));
            await FailAsync(work, $"The site refused this paper: {errors}", cancellationToken);
            return;
        }
        // Before the revision says Published, so that a copy editor who sees it published can also search for it.
        await UpdateSearchAsync(work, result.WrittenPaths, cancellationToken);
        await TransitionAsync(work.Slug, work.Revision, current => current.State == RevisionState.Approved
            ? (current with { State = RevisionState.Published, LastError = null })
                .With(new RevisionEvent(RevisionEventKind.Published, time.GetUtcNow(), PublicPath: result.Entry?.LandingPath)) : null, cancellationToken);
    }

    /// <summary>
    /// The site's search index takes in the pages the publish wrote. The paper is on the site already, so nothing here
    /// may undo or repeat the publish: a storage fault is logged, and the search index timer catches up.
    /// </summary>
    private async Task UpdateSearchAsync(WorkMessage work, IReadOnlyList<string> writtenPaths, CancellationToken cancellationToken)
    {
        if (search is null) return;
        try
        {
            var said = await search.PagesPublishedAsync(writtenPaths, cancellationToken);
            WorkflowTelemetry.SearchUpdated(logger, work, said);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            WorkflowTelemetry.SearchNotUpdated(logger, work, exception);
        }
    }

    private Task FailAsync(WorkMessage work, string reason, CancellationToken cancellationToken) =>
        TransitionAsync(work.Slug, work.Revision, record => record.IsSettled ? null : (record with { State = RevisionState.Failed, FailureReason = reason })
            .With(new RevisionEvent(RevisionEventKind.Failed, time.GetUtcNow(), Reason: reason)), cancellationToken);

    private async Task<DraftFiles> ReadFilesAsync(RevisionRecord record, CancellationToken cancellationToken)
    {
        var source = await drafts.GetFileAsync(record.Slug, record.Revision, record.SourceFile, cancellationToken)
            ?? throw new InvalidOperationException($"The draft file {record.SourceFile} of revision {record.Revision[..12]} is missing from storage.");
        var assets = new List<KeyValuePair<string, byte[]>>();
        foreach (var name in record.Files.Where(f => f != record.SourceFile))
            assets.Add(new(name, await drafts.GetFileAsync(record.Slug, record.Revision, name, cancellationToken)
                ?? throw new InvalidOperationException($"The file {name} of revision {record.Revision[..12]} is missing from storage.")));
        return new DraftFiles(record.SourceFile, source, assets);
    }

    private async Task RecordingErrorsAsync(WorkMessage work, Func<Task> handle, CancellationToken cancellationToken)
    {
        try
        {
            await handle();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            WorkflowTelemetry.Failed(logger, work, exception);
            var error = exception.Message.Length > MaxErrorLength ? exception.Message[..MaxErrorLength] : exception.Message;
            try
            {
                await TransitionAsync(work.Slug, work.Revision, record => record.IsSettled ? null : record with { LastError = error }, cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The store itself is failing; the queue's retry is what matters, so the first error is rethrown.
            }
            throw;
        }
    }
}

/// <summary>A message names a revision with no record (yet): retried, and failed by the poison handler if it never appears.</summary>
public sealed class RevisionMissingException(WorkMessage work)
    : Exception($"No revision {work.Revision[..12]} of '{work.Slug}' is recorded.");
