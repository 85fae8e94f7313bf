namespace HiiaPublish.Workflow;

public sealed partial class WorkflowService
{
    /// <summary>
    /// Newest approved wins (issue 15): a publish message that arrives late (a host died after the approval, a transient
    /// failure was retried) must not make an older revision current again. When a revision of the same paper uploaded
    /// after this one is approved or published, this one becomes <see cref="RevisionState.Superseded"/> and nothing
    /// public is touched. Checked before the site is written, from the revision records, which every approval writes
    /// first; the site publisher's own check (HP0707) still refuses a revision the catalogue already lists as replaced.
    /// </summary>
    private async Task<bool> SupersedeIfNotNewestAsync(RevisionRecord record, CancellationToken cancellationToken)
    {
        var all = await revisions.ListRevisionsAsync(record.Slug, cancellationToken);
        var newer = all
            .Where(other => other.Revision != record.Revision && other.State is RevisionState.Approved or RevisionState.Published)
            .Where(other => IsNewer(other, record))
            .OrderByDescending(other => other.UploadedAt)
            .FirstOrDefault();
        if (newer is null) return false;

        // Editors know revisions by the number the desk shows ("revision 3"), so the reason names that; the hash
        // follows in brackets for whoever looks the revision up in storage.
        var number = DraftStates.Numbers(all)[newer.Revision];
        var reason = $"Not published: revision {number} ({newer.Revision[..12]}), uploaded later, was approved too, and the newest approved revision is the one the site shows.";
        // The timeline's entry is written by the same guarded write as the state, like every other transition's.
        await TransitionAsync(record.Slug, record.Revision, current => current.State == RevisionState.Approved
            ? (current with { State = RevisionState.Superseded, FailureReason = reason })
                .With(new RevisionEvent(RevisionEventKind.Superseded, time.GetUtcNow(), Reason: reason))
            : null, cancellationToken);
        return true;
    }

    // Upload order decides; two uploads in the same instant are ordered by approval, then by id, so the answer is total.
    private static bool IsNewer(RevisionRecord other, RevisionRecord than) =>
        other.UploadedAt != than.UploadedAt ? other.UploadedAt > than.UploadedAt
        : (other.ReviewedAt ?? other.UploadedAt) != (than.ReviewedAt ?? than.UploadedAt) ? (other.ReviewedAt ?? other.UploadedAt) > (than.ReviewedAt ?? than.UploadedAt)
        : string.CompareOrdinal(other.Revision, than.Revision) > 0;
}
