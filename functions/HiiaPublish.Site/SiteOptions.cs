namespace HiiaPublish.Site;

public sealed record SiteOptions
{
    /// <summary>Where the site is served, ending in '/': canonical links, feed and sitemap use it. Default: branding's site_base_url.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Papers per listing page: a page of 20 short entries stays quick to load and to scan on a phone.</summary>
    public int ListingPageSize { get; init; } = 20;

    /// <summary>Entries in feed.xml: feed readers only look for what is new, and 50 covers well over a year of papers.</summary>
    public int FeedEntries { get; init; } = 50;
}
