using HiiaPublish.Site;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Site.Publishing;

/// <summary>The paper's images under their content-derived names: the cover, and each figure by its draft path.</summary>
internal sealed record PublishedImages(string? CoverPath, IReadOnlyDictionary<string, string> FigurePaths, IReadOnlyList<SiteFile> Files)
{
    public static PublishedImages For(PublicationRequest request, int year)
    {
        var slug = request.Perspective.Metadata.Slug;
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        string? Place(byte[]? image)
        {
            if (image is null || ImageFormat.ExtensionOf(image) is not { } extension) return null;
            var path = SitePaths.Image(year, slug, ContentHash.Sha256Hex(image), extension);
            files[path] = image;
            return path;
        }

        var cover = Place(request.CoverImage);
        var figures = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (draftPath, image) in request.FigureImages ?? new Dictionary<string, byte[]>())
            if (Place(image) is { } sitePath)
                figures[draftPath] = sitePath;
        return new PublishedImages(cover, figures, files.Select(f => new SiteFile(f.Key, f.Value)).ToArray());
    }
}
