using System.Globalization;
using HiiaPublish.Format;
using Scriban.Runtime;

namespace HiiaPublish.Site;

/// <summary>A file of the site and its bytes, ready to be written.</summary>
public sealed record SiteFile(string Path, byte[] Content);

/// <summary>A listing page known by its path, rendered on demand so many pages can be rendered in parallel.</summary>
public sealed record PlannedSiteFile(string Path, Func<byte[]> Render);

public sealed partial class SiteRenderer
{
    /// <summary>
    /// index.html and page/n/index.html with every paper (English labels), and hu/index.html and its pages with
    /// the Hungarian papers (Hungarian labels). Newest first, as the catalogue keeps them.
    /// </summary>
    public IEnumerable<SiteFile> RenderListings(Catalogue catalogue) =>
        PlanListings(catalogue).Select(page => new SiteFile(page.Path, page.Render()));

    /// <summary>The listing pages <see cref="RenderListings"/> makes, each rendered only when asked.</summary>
    public IReadOnlyList<PlannedSiteFile> PlanListings(Catalogue catalogue)
    {
        var hungarian = catalogue.Entries.Where(e => e.Language == "hu").ToArray();
        return PlanListing(catalogue.Entries, languageFolder: null, PaperLanguage.English, Labels.English["all_papers"])
            .Concat(PlanListing(hungarian, languageFolder: "hu", PaperLanguage.Hungarian, Labels.Hungarian["hungarian_papers"]))
            .ToArray();
    }

    private IEnumerable<PlannedSiteFile> PlanListing(IReadOnlyList<CatalogueEntry> entries, string? languageFolder,
        PaperLanguage language, string heading)
    {
        var pageSize = Math.Max(1, Options.ListingPageSize);
        var pageCount = Math.Max(1, (entries.Count + pageSize - 1) / pageSize);
        var copyrightYear = entries.Count > 0 ? entries[0].Year.ToString(CultureInfo.InvariantCulture) : null;
        for (var page = 1; page <= pageCount; page++)
        {
            var path = SitePaths.ListingPage(languageFolder, page);
            var pageNumber = page;
            yield return new PlannedSiteFile(path, () => RenderListingPage(entries, languageFolder, language, heading, pageNumber, pageCount, copyrightYear));
        }
    }

    private byte[] RenderListingPage(IReadOnlyList<CatalogueEntry> entries, string? languageFolder, PaperLanguage language,
        string heading, int page, int pageCount, string? copyrightYear)
    {
        var pageSize = Math.Max(1, Options.ListingPageSize);
        var labels = Labels.For(language);
        var path = SitePaths.ListingPage(languageFolder, page);
        var listing = new ScriptObject
        {
            ["heading"] = heading,
            ["entries"] = Array(entries.Skip((page - 1) * pageSize).Take(pageSize).Select(e => ListingEntry(e, path, labels, language))),
            ["page_count"] = pageCount,
            ["page_label"] = labels.Fill("page_of", ("page", page.ToString(CultureInfo.InvariantCulture)),
                ("pages", pageCount.ToString(CultureInfo.InvariantCulture))),
            ["newer_href"] = page > 1 ? SitePaths.Relative(path, SitePaths.ListingPage(languageFolder, page - 1)) : null,
            ["older_href"] = page < pageCount ? SitePaths.Relative(path, SitePaths.ListingPage(languageFolder, page + 1)) : null,
        };
        var title = page > 1 ? $"{heading} ({listing["page_label"]})" : heading;
        return RenderPage(new PageFrame(path, language, title, Branding.For(language).RegularPublication, HeadHtml: "",
            SiteTemplate.Listing, new ScriptObject { ["listing"] = listing }, CopyrightYear: copyrightYear));
    }

    private ScriptObject ListingEntry(CatalogueEntry entry, string pagePath, SiteLabels labels, PaperLanguage listingLanguage)
    {
        // The date is written as the listing's language writes dates; the entry's own words stay as they are.
        var wording = Branding.For(listingLanguage);
        return new ScriptObject
        {
            ["title"] = entry.Title,
            ["subtitle"] = entry.Subtitle,
            ["href"] = SitePaths.Relative(pagePath, entry.LandingPath),
            ["authors"] = string.Join(", ", entry.Authors.Select(a => a.Name)),
            ["date_iso"] = entry.Date,
            ["date_display"] = wording.FormatDate(SiteFormat.ParseDate(entry.Date)),
            ["language"] = entry.Language == "hu" ? "hu-HU" : "en-US",
            ["abstract_html"] = entry.AbstractHtml,
            ["pdf_href"] = SitePaths.Relative(pagePath, entry.PdfPath),
            ["download_label"] = DownloadLabel(entry, labels),
        };
    }
}
