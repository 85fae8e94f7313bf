using System.Globalization;
using HiiaPublish.Format.Branding;
using HiiaPublish.Format;
using HiiaPublish.Site.Citations;
using Scriban.Runtime;

namespace HiiaPublish.Site;

/// <summary>What a landing page shows of other papers: its twin in the other language and up to three related papers.</summary>
public sealed record PaperNeighbours(CatalogueEntry? Twin, IReadOnlyList<CatalogueEntry> Related)
{
    public static readonly PaperNeighbours None = new(null, []);
}

public sealed partial class SiteRenderer
{
    // The text of a published page sits between these marks, so the page can be rendered again (a new twin, new
    // related papers) from the page itself when the draft is not at hand. Our own HTML escapes every '<' of text
    // and attributes, so the marks cannot occur inside it.
    private const string BodyStart = "<!--hiia:body-->", BodyEnd = "<!--/hiia:body-->";
    private const string NotesStart = "<!--hiia:notes-->", NotesEnd = "<!--/hiia:notes-->";

    /// <summary>
    /// perspectives/{year}/{slug}/index.html. Title, authors, date and PDF URL come from the catalogue entry,
    /// the same values the listings, feed and JSON-LD print, so they cannot disagree.
    /// </summary>
    /// <param name="figureUrls">Figure path in the draft → published image path (site-relative).</param>
    public byte[] RenderLanding(CatalogueEntry entry, Perspective perspective, IReadOnlyDictionary<string, string> figureUrls,
        PaperNeighbours? neighbours = null)
    {
        var labels = Labels.For(LanguageOf(entry));
        // A catalogue written before the credit was kept there: the draft still has it.
        if (entry is { CoverPath: not null, CoverCredit: null } && !string.IsNullOrWhiteSpace(perspective.Metadata.Cover?.Credit))
            entry = entry with { CoverCredit = HtmlText.Clean(perspective.Metadata.Cover.Credit) };
        var relativeFigures = figureUrls.ToDictionary(f => f.Key, f => SitePaths.Relative(entry.LandingPath, f.Value), StringComparer.Ordinal);
        var body = BodyHtmlRenderer.Render(perspective, relativeFigures, labels["back_to_text"]);
        var hyphenator = HyphenatorFor(LanguageOf(entry));
        return RenderLanding(entry, SoftHyphens.Insert(body.BodyHtml, hyphenator), SoftHyphens.Insert(body.FootnotesHtml, hyphenator),
            neighbours ?? PaperNeighbours.None);
    }

    /// <summary>The page rendered again from its published HTML (its text kept as published), e.g. when a twin appears. Null when the page is not ours.</summary>
    public byte[]? RenderLandingAgain(CatalogueEntry entry, byte[] publishedPage, PaperNeighbours neighbours)
    {
        var html = System.Text.Encoding.UTF8.GetString(publishedPage);
        var bodyHtml = Between(html, BodyStart, BodyEnd);
        var notesHtml = Between(html, NotesStart, NotesEnd);
        return bodyHtml is null || notesHtml is null ? null : RenderLanding(entry, bodyHtml, notesHtml, neighbours);
    }

    private static string? Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        var to = from < 0 ? -1 : html.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return to < 0 ? null : html[(from + start.Length)..to];
    }

    private byte[] RenderLanding(CatalogueEntry entry, string bodyHtml, string footnotesHtml, PaperNeighbours neighbours)
    {
        var language = LanguageOf(entry);
        var labels = Labels.For(language);
        var wording = Branding.For(language);
        var date = SiteFormat.ParseDate(entry.Date);
        var landingUrl = AbsoluteUrl(entry.LandingPath);
        var citation = PaperCitation.For(entry, this);
        var hyphenator = HyphenatorFor(language);

        var paper = new ScriptObject
        {
            ["title"] = HtmlText.Clean(entry.Title),
            ["subtitle"] = entry.Subtitle is null ? null : HtmlText.Clean(entry.Subtitle),
            ["authors"] = Array(entry.Authors.Select(a => new ScriptObject
            {
                ["name"] = a.Name, ["role"] = a.Role,
                ["href"] = Topics.SlugOf(a.Name).Length > 0 ? AuthorHref(entry.LandingPath, a.Name) : null,
            })),
            ["date_iso"] = entry.Date,
            ["date_display"] = wording.FormatDate(date),
            ["citation_date"] = date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
            ["language"] = entry.Language,
            ["og_locale"] = language.Bcp47().Replace('-', '_'),
            ["series"] = wording.Series,
            ["series_line"] = entry.Number is null ? wording.Series : $"{wording.Series} {entry.Number}",
            ["number"] = entry.Number,
            ["issn"] = wording.Issn,
            ["doi"] = entry.Doi,
            ["doi_url"] = citation.DoiUrl,
            ["publisher"] = wording.Institute,
            ["abstract_text"] = entry.AbstractText,
            ["abstract_html"] = SoftHyphens.Insert(entry.AbstractHtml, hyphenator),
            ["keywords"] = Array(entry.Keywords),
            ["keyword_links"] = Array(entry.Keywords.Select(k => new ScriptObject
            {
                ["name"] = k, ["href"] = Topics.SlugOf(k).Length > 0 ? TopicHref(entry.LandingPath, k) : null,
            })),
            ["cover"] = CoverObject(entry, wording),
            ["pdf_href"] = SitePaths.Relative(entry.LandingPath, entry.PdfPath),
            ["pdf_url"] = AbsoluteUrl(entry.PdfPath),
            ["landing_url"] = landingUrl,
            ["download_label"] = DownloadLabel(entry, labels),
            ["reading_time"] = ReadingTime(entry, labels),
            ["body_html"] = BodyStart + bodyHtml + BodyEnd,
            ["footnotes_html"] = footnotesHtml,
            ["footnotes_marked_html"] = NotesStart + footnotesHtml + NotesEnd,
            ["citation"] = FormattedCitation(citation, labels),
            ["bib_href"] = entry.Slug + ".bib",
            ["ris_href"] = entry.Slug + ".ris",
            ["csl_href"] = entry.Slug + ".json",
            ["corrected_label"] = entry.Corrected is { } corrected
                ? labels.Fill("corrected_on", ("date", wording.FormatDate(DateOnly.FromDateTime(corrected.UtcDateTime)))) : null,
            ["previous_versions"] = Array(entry.PreviousVersions.OrderByDescending(v => v.PublishedAt).Select(v => new ScriptObject
            {
                ["href"] = SitePaths.Relative(entry.LandingPath, v.PdfPath),
                ["label"] = labels.Fill("version_of", ("date", wording.FormatDate(DateOnly.FromDateTime(v.PublishedAt.UtcDateTime)))),
            })),
            ["twin"] = neighbours.Twin is { } twin ? TwinObject(entry.LandingPath, twin) : null,
            ["related"] = Array(neighbours.Related.Select(r => ListingEntry(r, entry.LandingPath, labels, language, twin: null))),
            ["json_ld_json"] = JsonLdWriter.Report(entry, this, neighbours.Twin),
        };
        var model = new ScriptObject { ["paper"] = paper };
        var head = Templates.Render(SiteTemplate.LandingHead, model);
        return RenderPage(new PageFrame(entry.LandingPath, language, entry.Title, entry.AbstractText, head,
            SiteTemplate.Landing, model, CopyrightYear: date.Year.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>"Anna Kovács and Béla Nagy, “Title,” HIIA Perspective 2026/7, Hungarian Institute of International Affairs, April 21, 2026, https://…"</summary>
    internal string FormattedCitation(PaperCitation citation, SiteLabels labels)
    {
        var wording = Branding.For(citation.Language);
        return labels.Fill("citation",
            ("authors", PaperCitation.JoinNames(citation.Authors, labels["and"])),
            ("title", citation.Subtitle is null ? citation.Title : $"{citation.Title}: {citation.Subtitle}"),
            ("series", citation.Number is null ? citation.Series : $"{citation.Series} {citation.Number}"),
            ("publisher", citation.Publisher),
            ("date", wording.FormatDate(citation.Date)),
            ("url", citation.CitedUrl));
    }

    private ScriptObject TwinObject(string fromPath, CatalogueEntry twin)
    {
        var twinLanguage = LanguageOf(twin);
        return new ScriptObject
        {
            ["href"] = SitePaths.Relative(fromPath, twin.LandingPath),
            ["url"] = AbsoluteUrl(twin.LandingPath),
            ["lang"] = twin.Language,
            ["label"] = Labels.For(twinLanguage)["read_in_this_language"],
            ["title"] = twin.Title,
        };
    }

    internal static string ReadingTime(CatalogueEntry entry, SiteLabels labels) =>
        entry.Words <= 0 ? "" : labels.Fill("reading_time", ("minutes", WordCount.Minutes(entry.Words).ToString(CultureInfo.InvariantCulture)));

    internal static PaperLanguage LanguageOf(CatalogueEntry entry) => entry.Language == "hu" ? PaperLanguage.Hungarian : PaperLanguage.English;

    internal static string DownloadLabel(CatalogueEntry entry, SiteLabels labels)
    {
        var size = SiteFormat.FileSize(entry.PdfBytes, labels, decimalComma: entry.Language == "hu");
        return entry.Pages == 1
            ? labels.Fill("download_pdf_one_page", ("size", size))
            : labels.Fill("download_pdf", ("pages", entry.Pages.ToString(CultureInfo.InvariantCulture)), ("size", size));
    }

    private ScriptObject? CoverObject(CatalogueEntry entry, BrandingLanguage wording)
    {
        if (entry.CoverPath is null) return null;
        return new ScriptObject
        {
            ["src"] = SitePaths.Relative(entry.LandingPath, entry.CoverPath),
            ["url"] = AbsoluteUrl(entry.CoverPath),
            ["alt"] = entry.CoverAlt ?? entry.Title,
            ["credit"] = string.IsNullOrWhiteSpace(entry.CoverCredit) ? null : BrandingLanguage.Fill(wording.CoverPhotoSource, ("credit", entry.CoverCredit)),
        };
    }
}
