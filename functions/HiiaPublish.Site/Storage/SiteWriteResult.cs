namespace HiiaPublish.Site.Storage;

/// <summary>Either the new ETag of a written object, or "the condition did not hold" (someone else wrote first).</summary>
public sealed record SiteWriteResult(string? ETag)
{
    public static readonly SiteWriteResult PreconditionFailed = new((string?)null);

    public bool Succeeded => ETag is not null;

    public static SiteWriteResult Written(string etag) => new(etag);
}
