using System.Globalization;
using HiiaPublish.Format.Branding;
using HiiaPublish.Format;
using Scriban.Runtime;

namespace HiiaPublish.Site;

public sealed partial class SiteRenderer
{
    /// <summary>
    /// perspectives/{year}/{slug}/index.html. Title, authors, date and PDF URL come from the catalogue entry,
    /// the same values the listings, feed and JSON-LD print, so they cannot disagree.
    /// </summary>
    /// <param name="figureUrls">Figure path in the draft → published image path (site-relative).</param>
    public byte[] RenderLanding(CatalogueEntry entry, Perspective perspective, IReadOnlyDictionary<string, string> figureUrls)
    {
        var language = LanguageOf(entry);
        var labels = Labels.For(language);
        var wording = Branding.For(language);
        var relativeFigures = figureUrls.ToDictionary(f => f.Key, f => SitePaths.Relative(entry.LandingPath, f.Value), StringComparer.Ordinal);
        var body = BodyHtmlRenderer.Render(perspective, relativeFigures, labels["back_to_text"]);
        var date = SiteFormat.ParseDate(entry.Date);
        var landingUrl = AbsoluteUrl(entry.LandingPath);

        var paper = new ScriptObject
        {
            ["title"] = HtmlText.Clean(entry.Title),
            ["subtitle"] = entry.Subtitle is null ? null : HtmlText.Clean(entry.Subtitle),
            ["authors"] = Array(entry.Authors.Select(a => new ScriptObject { ["name"] = a.Name, ["role"] = a.Role })),
            ["date_iso"] = entry.Date,
            ["date_display"] = wording.FormatDate(date),
            ["citation_date"] = date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
            ["language"] = entry.Language,
            ["og_locale"] = language.Bcp47().Replace('-', '_'),
            ["series"] = wording.Series,
            ["publisher"] = wording.Institute,
            ["abstract_text"] = entry.AbstractText,
            ["abstract_html"] = entry.AbstractHtml,
            ["keywords"] = Array(entry.Keywords),
            ["cover"] = CoverObject(entry, perspective, wording),
            ["pdf_href"] = SitePaths.Relative(entry.LandingPath, entry.PdfPath),
            ["pdf_url"] = AbsoluteUrl(entry.PdfPath),
            ["landing_url"] = landingUrl,
            ["download_label"] = DownloadLabel(entry, labels),
            ["body_html"] = body.BodyHtml,
            ["footnotes_html"] = body.FootnotesHtml,
            ["citation"] = labels.Fill("citation", ("authors", string.Join(", ", entry.Authors.Select(a => a.Name))),
                ("title", entry.Title), ("series", wording.Series), ("date", wording.FormatDate(date)), ("url", landingUrl)),
            ["corrected_label"] = entry.Corrected is { } corrected
                ? labels.Fill("corrected_on", ("date", wording.FormatDate(DateOnly.FromDateTime(corrected.UtcDateTime)))) : null,
            ["previous_versions"] = Array(entry.PreviousVersions.OrderByDescending(v => v.PublishedAt).Select(v => new ScriptObject
            {
                ["href"] = SitePaths.Relative(entry.LandingPath, v.PdfPath),
                ["label"] = labels.Fill("version_of", ("date", wording.FormatDate(DateOnly.FromDateTime(v.PublishedAt.UtcDateTime)))),
            })),
            ["json_ld_json"] = JsonLdWriter.Report(entry, this),
        };
        var model = new ScriptObject { ["paper"] = paper };
        var head = Templates.Render(SiteTemplate.LandingHead, model);
        return RenderPage(new PageFrame(entry.LandingPath, language, entry.Title, entry.AbstractText, head,
            SiteTemplate.Landing, model, CopyrightYear: date.Year.ToString(CultureInfo.InvariantCulture)));
    }

    internal static PaperLanguage LanguageOf(CatalogueEntry entry) => entry.Language == "hu" ? PaperLanguage.Hungarian : PaperLanguage.English;

    internal static string DownloadLabel(CatalogueEntry entry, SiteLabels labels)
    {
        var size = SiteFormat.FileSize(entry.PdfBytes, labels, decimalComma: entry.Language == "hu");
        return entry.Pages == 1
            ? labels.Fill("download_pdf_one_page", ("size", size))
            : labels.Fill("download_pdf", ("pages", entry.Pages.ToString(CultureInfo.InvariantCulture)), ("size", size));
    }

    private ScriptObject? CoverObject(CatalogueEntry entry, Perspective perspective, BrandingLanguage wording)
    {
        if (entry.CoverPath is null) return null;
        var credit = perspective.Metadata.Cover?.Credit;
        return new ScriptObject
        {
            ["src"] = SitePaths.Relative(entry.LandingPath, entry.CoverPath),
            ["url"] = AbsoluteUrl(entry.CoverPath),
            ["alt"] = entry.CoverAlt ?? entry.Title,
            ["credit"] = string.IsNullOrWhiteSpace(credit) ? null : BrandingLanguage.Fill(wording.CoverPhotoSource, ("credit", credit)),
        };
    }
}
