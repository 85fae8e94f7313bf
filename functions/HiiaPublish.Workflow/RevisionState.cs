namespace HiiaPublish.Workflow;

/// <summary>
/// Where a revision is in the editorial workflow. An upload is validated before its record is written, so a
/// stored revision starts as <see cref="Invalid"/> or <see cref="Queued"/>; <see cref="Uploaded"/> names that
/// first moment in documents and answers and is never stored.
/// </summary>
public enum RevisionState
{
    Uploaded,
    Invalid,
    Queued,
    Rendering,
    Rendered,
    ChangesRequested,
    Approved,
    Published,
    Failed,
    /// <summary>Approved, but by the time it was to be published a newer revision of the paper was approved: nothing public changed.</summary>
    Superseded,
}
