using HiiaPublish.Format;
using HiiaPublish.Site;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Site.Publishing;

/// <summary>
/// Derives a paper's catalogue entry from the request and the entry already published for its slug (if any).
/// A pure function: the same request over the same catalogue gives the same entry, which makes retries and
/// repeated deliveries write nothing new.
/// </summary>
internal static class CatalogueEntryFactory
{
    public static CatalogueEntry Create(PublicationRequest request, PublishedImages images, CatalogueEntry? existing)
    {
        if (existing is not null && existing.Revision == request.Revision)
            return existing;

        var metadata = request.Perspective.Metadata;
        var slug = metadata.Slug;
        // A paper keeps its folder for life, even if a correction changes its date into another year.
        var year = YearFor(metadata, existing);
        var previous = existing is null
            ? []
            : existing.PreviousVersions
                .Append(new PreviousVersion(existing.Revision, existing.VersionedPdfPath, existing.Sha256, existing.LastPublished))
                .ToArray();

        return new CatalogueEntry
        {
            Slug = slug,
            Year = year,
            Title = HtmlText.Clean(metadata.Title),
            Subtitle = metadata.Subtitle is null ? null : HtmlText.Clean(metadata.Subtitle),
            Authors = metadata.Authors.Select(a => new CatalogueAuthor(HtmlText.Clean(a.Name), a.Role is null ? null : HtmlText.Clean(a.Role),
                a.FamilyName is null ? null : HtmlText.Clean(a.FamilyName))).ToArray(),
            Date = SiteFormat.IsoDate(metadata.Date),
            Language = metadata.Language.Code(),
            AbstractText = InlineHtmlRenderer.PlainText(metadata.Abstract),
            AbstractHtml = InlineHtmlRenderer.StandaloneHtml(metadata.Abstract),
            Keywords = metadata.Keywords.Select(HtmlText.Clean).ToArray(),
            LandingPath = SitePaths.Landing(year, slug),
            PdfPath = SitePaths.Pdf(year, slug),
            VersionedPdfPath = SitePaths.VersionedPdf(year, slug, request.Revision),
            PdfBytes = request.Pdf.Length,
            Pages = request.PageCount,
            Revision = request.Revision,
            Sha256 = ContentHash.Sha256Hex(request.Pdf),
            CoverPath = images.CoverPath,
            CoverAlt = images.CoverPath is null ? null : CoverAlt(metadata),
            FirstPublished = existing?.FirstPublished ?? request.PublishedAt.ToUniversalTime(),
            Corrected = existing is null ? null : request.PublishedAt.ToUniversalTime(),
            PreviousVersions = previous,
            Number = metadata.Number,
            Doi = metadata.Doi,
            TranslationOf = metadata.TranslationOf,
            Words = WordCount.Of(request.Perspective),
            CoverCredit = images.CoverPath is null || string.IsNullOrWhiteSpace(metadata.Cover?.Credit) ? null : HtmlText.Clean(metadata.Cover.Credit),
        };
    }

    public static int YearFor(PerspectiveMetadata metadata, CatalogueEntry? existing) => existing?.Year ?? metadata.Date.Year;

    private static string CoverAlt(PerspectiveMetadata metadata) =>
        string.IsNullOrWhiteSpace(metadata.Cover?.Alt) ? HtmlText.Clean(metadata.Title) : HtmlText.Clean(metadata.Cover.Alt);
}
