using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Site;

namespace HiiaPublish.Site.Publishing;

/// <summary>Checks a request before anything is written; every problem found is reported, none thrown.</summary>
internal static class PublicationValidator
{
    public const string InvalidSlug = "HP0701";
    public const string NotAPdf = "HP0702";
    public const string InvalidPageCount = "HP0703";
    public const string InvalidRevision = "HP0704";
    public const string UnsupportedCover = "HP0705";
    public const string MissingFigure = "HP0706";
    public const string SupersededRevision = "HP0707";
    public const string ListingsStillChanging = "HP0708";
    public const string CatalogueBusy = "HP0709";

    public static List<Diagnostic> Validate(PublicationRequest request)
    {
        var file = request.DiagnosticFile;
        var found = new List<Diagnostic>();
        var slug = request.Perspective.Metadata.Slug;
        if (!SitePaths.IsValidSlug(slug))
            found.Add(Error(file, InvalidSlug, $"The slug '{slug}' cannot name a web address: use 1–100 lower-case letters, digits and hyphens, not starting or ending with a hyphen."));
        if (request.Pdf.Length < 5 || !request.Pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
            found.Add(Error(file, NotAPdf, "The approved file is not a PDF (it does not start with %PDF-): render the paper again and approve the new PDF."));
        if (request.PageCount < 1)
            found.Add(Error(file, InvalidPageCount, $"The PDF is said to have {request.PageCount} pages: render the paper again so its page count is known."));
        if (request.Revision.Length != 64 || !request.Revision.All(char.IsAsciiHexDigitLower))
            found.Add(Error(file, InvalidRevision, "The revision id must be the SHA-256 of the source in 64 lower-case hex digits: publish through the pipeline, which computes it."));
        if (request.CoverImage is { } cover && ImageFormat.ExtensionOf(cover) is null)
            found.Add(Warning(file, UnsupportedCover, "The cover image is neither PNG nor JPEG, so the web page shows no cover: save it as PNG or JPEG."));
        var figures = request.FigureImages ?? new Dictionary<string, byte[]>();
        foreach (var path in PublicationRequest.FigurePaths(request.Perspective.Body).Distinct())
            if (!figures.TryGetValue(path, out var bytes) || ImageFormat.ExtensionOf(bytes) is null)
                found.Add(Warning(file, MissingFigure, $"The figure '{path}' is missing or is neither PNG nor JPEG, so the web page shows its alt text instead."));
        return found;
    }

    public static Diagnostic Error(string file, string code, string message) => new(file, 1, 1, code, Severity.Error, message);

    public static Diagnostic Warning(string file, string code, string message) => new(file, 1, 1, code, Severity.Warning, message);
}

/// <summary>Which of the two image formats every browser shows a file is, from its first bytes.</summary>
internal static class ImageFormat
{
    public static string? ExtensionOf(byte[] image) =>
        image.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? "png"
        : image.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) ? "jpg"
        : null;
}
