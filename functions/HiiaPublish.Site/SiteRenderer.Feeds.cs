using System.Globalization;
using System.Text;
using Scriban.Runtime;

namespace HiiaPublish.Site;

public sealed partial class SiteRenderer
{
    /// <summary>feed.xml (Atom): the latest papers by publication instant, so a correction shows up as new.</summary>
    public byte[] RenderFeed(Catalogue catalogue) => RenderFeed(catalogue, SitePaths.Feed, Branding.English.Series, "en");

    /// <summary>An Atom feed of <paramref name="catalogue"/>'s papers at <paramref name="path"/> (the site's, or a topic's).</summary>
    public byte[] RenderFeed(Catalogue catalogue, string path, string title, string language)
    {
        var latest = catalogue.Entries
            .OrderByDescending(e => e.LastPublished).ThenBy(e => e.Slug, StringComparer.Ordinal)
            .Take(Math.Max(1, Options.FeedEntries)).ToArray();
        // No clock: the feed is as new as its newest entry; an empty feed gets a fixed instant.
        var updated = latest.Length > 0 ? latest.Max(e => e.LastPublished) : DateTimeOffset.UnixEpoch;
        var wording = Branding.English;
        var feed = new ScriptObject
        {
            ["language"] = language,
            ["id"] = AbsoluteUrl(path),
            ["title"] = title,
            ["updated"] = SiteFormat.IsoInstant(updated),
            ["self_url"] = AbsoluteUrl(path),
            ["site_url"] = BaseUrl,
            ["publisher"] = wording.Institute,
            ["entries"] = Array(latest.Select(e => new ScriptObject
            {
                ["language"] = e.Language,
                ["id"] = AbsoluteUrl(e.LandingPath),
                ["title"] = e.Title,
                ["published"] = SiteFormat.IsoInstant(e.FirstPublished),
                ["updated"] = SiteFormat.IsoInstant(e.LastPublished),
                ["authors"] = Array(e.Authors.Select(a => a.Name)),
                ["landing_url"] = AbsoluteUrl(e.LandingPath),
                ["pdf_url"] = AbsoluteUrl(e.PdfPath),
                ["pdf_bytes"] = e.PdfBytes.ToString(CultureInfo.InvariantCulture),
                ["summary"] = e.AbstractText,
                ["keywords"] = Array(e.Keywords),
            })),
        };
        return Encoding.UTF8.GetBytes(Templates.Render(SiteTemplate.Feed, new ScriptObject { ["feed"] = feed }));
    }

    /// <summary>sitemap.xml: every listing page and every landing page.</summary>
    public byte[] RenderSitemap(Catalogue catalogue, IEnumerable<string> listingPaths)
    {
        var twins = PaperRelations.Twins(catalogue);
        var lastChange = catalogue.Entries.Count > 0 ? SiteFormat.IsoInstant(catalogue.Entries.Max(e => e.LastPublished)) : null;
        var urls = listingPaths.Select(path => new ScriptObject { ["loc"] = AbsoluteUrl(path), ["lastmod"] = lastChange, ["alternates"] = new ScriptArray() })
            .Concat(catalogue.Entries.OrderBy(e => e.LandingPath, StringComparer.Ordinal).Select(e => new ScriptObject
            {
                ["loc"] = AbsoluteUrl(e.LandingPath),
                ["lastmod"] = SiteFormat.IsoInstant(e.LastPublished),
                // A paper with a twin lists both language versions, itself included, as the sitemap protocol asks.
                ["alternates"] = twins.TryGetValue(e.Slug, out var twin)
                    ? Array(new[] { e, twin }.Select(v => new ScriptObject { ["lang"] = v.Language, ["href"] = AbsoluteUrl(v.LandingPath) }))
                    : new ScriptArray(),
            }));
        var sitemap = new ScriptObject { ["urls"] = Array(urls) };
        return Encoding.UTF8.GetBytes(Templates.Render(SiteTemplate.Sitemap, new ScriptObject { ["sitemap"] = sitemap }));
    }
}
