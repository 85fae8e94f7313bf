namespace HiiaPublish.Site.Storage;

/// <summary>A stored object read back whole.</summary>
public sealed record SiteObject(byte[] Content, SiteObjectInfo Info);

/// <summary>
/// What a store knows about an object without reading it. ContentSha256 is lower-case hex of the bytes,
/// so a writer can skip a write whose bytes are already there. Properties is null where the store keeps
/// no headers (a folder on disk: the web server in front of it decides them).
/// </summary>
public sealed record SiteObjectInfo(string ETag, string ContentSha256, long Length, SiteObjectProperties? Properties);

/// <summary>The HTTP headers an object is served with.</summary>
public sealed record SiteObjectProperties(string ContentType, string CacheControl, string? ContentDisposition = null);
