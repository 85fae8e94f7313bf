namespace HiiaPublish.Workflow;

/// <summary>
/// The draft as a whole: its slug and the latest valid revision, the only one a copy editor may approve.
/// An invalid upload does not move it, so a broken re-upload never makes the good preview stale.
/// </summary>
public sealed record DraftHead(string Slug, string LatestRevision, string? Title);

public sealed record StoredHead(DraftHead Head, string ETag);
