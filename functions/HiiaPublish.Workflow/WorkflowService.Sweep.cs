namespace HiiaPublish.Workflow;

public sealed partial class WorkflowService
{
    /// <summary>
    /// How long a revision may sit in a transitional state before the sweep sends its work again. A render or publish
    /// takes seconds and the queue's five attempts a few minutes (host.json), so ten minutes means the message was lost
    /// (issue 15: a crash between the upload's state write and its enqueue left a revision queued for good).
    /// </summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(10);

    /// <summary>How often the Functions timer (SweepFunction) and `hiia serve` sweep.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(5);

    private static readonly RevisionState[] TransitionalStates = [RevisionState.Queued, RevisionState.Rendering, RevisionState.Approved];

    /// <summary>
    /// Re-enqueues the work of every revision left queued, rendering or approved (publishing) for longer than
    /// <see cref="StuckAfter"/>: a render message for the first two, a publish message for the third. Idempotent: the
    /// handlers read the record first, so a message sent for work that was not lost after all does nothing; a revision
    /// whose work keeps failing ends failed through the poison queue as before, and is no longer swept. Returns the
    /// messages sent.
    /// </summary>
    public async Task<IReadOnlyList<WorkMessage>> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - StuckAfter;
        var sent = new List<WorkMessage>();
        foreach (var record in await revisions.ListInStatesAsync(TransitionalStates, cancellationToken))
        {
            // The last moment the record is known to have changed into this state.
            var since = record.State == RevisionState.Approved ? record.ReviewedAt ?? record.UploadedAt : record.UploadedAt;
            if (since > cutoff) continue;
            var message = new WorkMessage(record.Slug, record.Revision);
            await queue.EnqueueAsync(record.State == RevisionState.Approved ? WorkQueues.Publish : WorkQueues.Render, message, cancellationToken);
            sent.Add(message);
        }
        return sent;
    }
}
