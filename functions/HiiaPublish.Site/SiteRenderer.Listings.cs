using System.Globalization;
using HiiaPublish.Format;
using Scriban.Runtime;

namespace HiiaPublish.Site;

/// <summary>A file of the site and its bytes, ready to be written.</summary>
public sealed record SiteFile(string Path, byte[] Content);

/// <summary>
/// A listing page known by its path, rendered on demand so many pages can be rendered in parallel. Inputs, when set,
/// names everything from the catalogue the page is made of (its papers and their revisions, twins, page count): a
/// page whose inputs differ from the same page's under the previous catalogue has certainly changed.
/// </summary>
public sealed record PlannedSiteFile(string Path, Func<byte[]> Render, string? Inputs = null);

public sealed partial class SiteRenderer
{
    /// <summary>
    /// index.html and page/n/index.html with the English papers (English labels), and hu/index.html and its pages
    /// with the Hungarian papers (Hungarian labels); an entry with a twin links the twin. Newest first, as the
    /// catalogue keeps them.
    /// </summary>
    public IEnumerable<SiteFile> RenderListings(Catalogue catalogue) =>
        PlanListings(catalogue).Select(page => new SiteFile(page.Path, page.Render()));

    /// <summary>The listing pages <see cref="RenderListings"/> makes, each rendered only when asked.</summary>
    public IReadOnlyList<PlannedSiteFile> PlanListings(Catalogue catalogue)
    {
        var hungarian = catalogue.Entries.Where(e => e.Language == "hu").ToArray();
        var english = catalogue.Entries.Where(e => e.Language != "hu").ToArray();
        var twins = PaperRelations.Twins(catalogue);
        return PlanListing(english, languageFolder: null, PaperLanguage.English, Labels.English["all_papers"], twins)
            .Concat(PlanListing(hungarian, languageFolder: "hu", PaperLanguage.Hungarian, Labels.Hungarian["hungarian_papers"], twins))
            .ToArray();
    }

    private IEnumerable<PlannedSiteFile> PlanListing(IReadOnlyList<CatalogueEntry> entries, string? languageFolder,
        PaperLanguage language, string heading, IReadOnlyDictionary<string, CatalogueEntry> twins)
    {
        var pageSize = Math.Max(1, Options.ListingPageSize);
        var pageCount = Math.Max(1, (entries.Count + pageSize - 1) / pageSize);
        var copyrightYear = entries.Count > 0 ? entries[0].Year.ToString(CultureInfo.InvariantCulture) : null;
        for (var page = 1; page <= pageCount; page++)
        {
            var path = SitePaths.ListingPage(languageFolder, page);
            var pageNumber = page;
            var inputs = new System.Text.StringBuilder().Append(pageCount).Append('|').Append(copyrightYear);
            foreach (var entry in entries.Skip((page - 1) * pageSize).Take(pageSize))
            {
                inputs.Append('|').Append(entry.Slug).Append(' ').Append(entry.Revision);
                if (twins.GetValueOrDefault(entry.Slug) is { } twin) inputs.Append(' ').Append(twin.LandingPath);
            }
            yield return new PlannedSiteFile(path, () => RenderListingPage(entries, languageFolder, language, heading, pageNumber, pageCount, copyrightYear, twins),
                inputs.ToString());
        }
    }

    private byte[] RenderListingPage(IReadOnlyList<CatalogueEntry> entries, string? languageFolder, PaperLanguage language,
        string heading, int page, int pageCount, string? copyrightYear, IReadOnlyDictionary<string, CatalogueEntry> twins)
    {
        var pageSize = Math.Max(1, Options.ListingPageSize);
        var labels = Labels.For(language);
        var path = SitePaths.ListingPage(languageFolder, page);
        var listing = new ScriptObject
        {
            ["heading"] = heading,
            ["entries"] = Array(entries.Skip((page - 1) * pageSize).Take(pageSize).Select(e => ListingEntry(e, path, labels, language, twins.GetValueOrDefault(e.Slug)))),
            ["page_count"] = pageCount,
            ["page_label"] = labels.Fill("page_of", ("page", page.ToString(CultureInfo.InvariantCulture)),
                ("pages", pageCount.ToString(CultureInfo.InvariantCulture))),
            ["newer_href"] = page > 1 ? SitePaths.Relative(path, SitePaths.ListingPage(languageFolder, page - 1)) : null,
            ["older_href"] = page < pageCount ? SitePaths.Relative(path, SitePaths.ListingPage(languageFolder, page + 1)) : null,
            ["other_listing_href"] = SitePaths.Relative(path, SitePaths.ListingPage(languageFolder is null ? "hu" : null, 1)),
            ["role"] = null,
            ["feed_href"] = null,
            ["count_label"] = null,
            ["empty_label"] = null,
            ["all_papers_href"] = null, // this is the list of all papers
        };
        var title = page > 1 ? $"{heading} ({listing["page_label"]})" : heading;
        return RenderPage(new PageFrame(path, language, title, Branding.For(language).RegularPublication, HeadHtml: "",
            SiteTemplate.Listing, new ScriptObject { ["listing"] = listing }, CopyrightYear: copyrightYear));
    }

    private ScriptObject ListingEntry(CatalogueEntry entry, string pagePath, SiteLabels labels, PaperLanguage listingLanguage, CatalogueEntry? twin)
    {
        // The date is written as the listing's language writes dates; the entry's own words stay as they are.
        var wording = Branding.For(listingLanguage);
        return new ScriptObject
        {
            ["title"] = entry.Title,
            ["subtitle"] = entry.Subtitle,
            ["href"] = SitePaths.Relative(pagePath, entry.LandingPath),
            ["authors"] = Citations.PaperCitation.JoinNames(entry.Authors.Select(a => a.Name).ToArray(), Labels.For(LanguageOf(entry))["and"]),
            ["date_iso"] = entry.Date,
            ["date_display"] = wording.FormatDate(SiteFormat.ParseDate(entry.Date)),
            ["language"] = entry.Language == "hu" ? "hu-HU" : "en-US",
            ["teaser"] = Teaser(entry.AbstractText),
            ["series_line"] = entry.Number is null ? null : $"{Branding.For(LanguageOf(entry)).Series} {entry.Number}",
            ["cover_src"] = entry.CoverPath is null ? null : SitePaths.Relative(pagePath, entry.CoverPath),
            ["cover_alt"] = entry.CoverAlt ?? entry.Title,
            ["pages_label"] = entry.Pages == 1 ? labels["one_page"] : labels.Fill("pages", ("pages", entry.Pages.ToString(CultureInfo.InvariantCulture))),
            ["reading_time"] = ReadingTime(entry, labels),
            ["pdf_href"] = SitePaths.Relative(pagePath, entry.PdfPath),
            ["download_label"] = DownloadLabel(entry, labels),
            ["twin"] = twin is null ? null : TwinObject(pagePath, twin),
        };
    }

    /// <summary>
    /// The first sentence of the abstract, and the next ones while the teaser stays short: a listing is for
    /// scanning, and a whole abstract per entry fits one and a half papers on a phone screen.
    /// </summary>
    public static string Teaser(string abstractText, int targetLength = 160, int maxLength = 260)
    {
        var text = abstractText.Trim();
        if (text.Length <= maxLength) return text;
        var end = 0;
        for (var i = 0; i < text.Length - 1 && i < maxLength; i++)
        {
            if (text[i] is '.' or '?' or '!' && char.IsWhiteSpace(text[i + 1]) && i > 40)
            {
                end = i + 1;
                if (end >= targetLength) break;
            }
        }
        if (end > 0) return text[..end];
        // One very long sentence: cut at a word and say so.
        var cut = text.LastIndexOf(' ', maxLength);
        return text[..(cut > 40 ? cut : maxLength)].TrimEnd(',', ';', ':', ' ') + "\u2026";
    }
}
