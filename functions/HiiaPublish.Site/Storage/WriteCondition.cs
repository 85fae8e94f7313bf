namespace HiiaPublish.Site.Storage;

/// <summary>When a write may happen: always, only over the version with ETag <see cref="IfMatch"/>, or only when nothing is there yet.</summary>
public readonly record struct WriteCondition(string? IfMatch, bool IfNoneExists)
{
    public static WriteCondition None => default;
    public static WriteCondition IfNotExists => new(null, true);
    public static WriteCondition IfETagMatches(string etag) => new(etag, false);

    /// <summary>The condition that guards a read-modify-write of what was read (null: nothing was there).</summary>
    public static WriteCondition Replacing(SiteObjectInfo? current) => current is null ? IfNotExists : IfETagMatches(current.ETag);
}
