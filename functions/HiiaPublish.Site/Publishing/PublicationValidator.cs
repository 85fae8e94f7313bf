using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Site;
using static HiiaPublish.Site.Publishing.PublicationDiagnosticCatalog;

namespace HiiaPublish.Site.Publishing;

/// <summary>Checks a request before anything is written; every problem found is reported, none thrown.</summary>
internal static class PublicationValidator
{
    public static List<Diagnostic> Validate(PublicationRequest request)
    {
        var found = new List<Diagnostic>();
        var slug = request.Perspective.Metadata.Slug;
        if (!SitePaths.IsValidSlug(slug))
            found.Add(Report(InvalidSlug, request, slug));
        if (request.Pdf.Length < 5 || !request.Pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
            found.Add(Report(NotAPdf, request));
        if (request.PageCount < 1)
            found.Add(Report(InvalidPageCount, request, request.PageCount));
        if (request.Revision.Length != 64 || !request.Revision.All(char.IsAsciiHexDigitLower))
            found.Add(Report(InvalidRevision, request));
        if (request.CoverImage is { } cover && ImageFormat.ExtensionOf(cover) is null)
            found.Add(Report(UnsupportedCover, request));
        var figures = request.FigureImages ?? new Dictionary<string, byte[]>();
        foreach (var path in PublicationRequest.FigurePaths(request.Perspective.Body).Distinct())
            if (!figures.TryGetValue(path, out var bytes) || ImageFormat.ExtensionOf(bytes) is null)
                found.Add(Report(MissingFigure, request, path));
        return found;
    }
}

/// <summary>Which of the two image formats every browser shows a file is, from its first bytes.</summary>
internal static class ImageFormat
{
    public static string? ExtensionOf(byte[] image) =>
        image.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? "png"
        : image.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) ? "jpg"
        : null;
}
