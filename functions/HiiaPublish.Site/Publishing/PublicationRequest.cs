using HiiaPublish.Format;

namespace HiiaPublish.Site.Publishing;

/// <summary>
/// One approved revision to publish: the model, the exact approved PDF bytes, its page count, the images it
/// shows, the revision id (SHA-256 hex of the source) and the publication instant. The instant is passed in
/// (from a TimeProvider at the edge): publishing never reads the clock, so a retry writes the same bytes.
/// </summary>
public sealed record PublicationRequest(
    Perspective Perspective,
    byte[] Pdf,
    int PageCount,
    string Revision,
    DateTimeOffset PublishedAt,
    byte[]? CoverImage = null,
    IReadOnlyDictionary<string, byte[]>? FigureImages = null,
    string? SourceFile = null)
{
    /// <summary>Where diagnostics point: the draft's file when known, else the paper's slug.</summary>
    public string DiagnosticFile => SourceFile ?? Perspective.Metadata.Slug + ".md";

    /// <summary>A request with the cover and every figure read from the draft's files.</summary>
    public static PublicationRequest FromDraft(Perspective perspective, byte[] pdf, int pageCount, string revision,
        DateTimeOffset publishedAt, IDraftAssets assets, string? sourceFile = null)
    {
        var coverPath = perspective.Metadata.Cover?.Path;
        var figures = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in FigurePaths(perspective.Body.Concat(perspective.Footnotes.SelectMany(n => n.Blocks))))
            if (!figures.ContainsKey(path) && assets.TryRead(path) is { } bytes)
                figures[path] = bytes;
        return new PublicationRequest(perspective, pdf, pageCount, revision, publishedAt,
            coverPath is null ? null : assets.TryRead(coverPath), figures, sourceFile);
    }

    internal static IEnumerable<string> FigurePaths(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Figure figure: yield return figure.Path; break;
                case BlockQuote quote: foreach (var p in FigurePaths(quote.Blocks)) yield return p; break;
                case ListBlock list: foreach (var p in FigurePaths(list.Items.SelectMany(i => i.Blocks))) yield return p; break;
            }
        }
    }
}
