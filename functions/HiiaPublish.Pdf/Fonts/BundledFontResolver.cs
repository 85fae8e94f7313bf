using PdfSharp.Fonts;

namespace HiiaPublish.Pdf.Fonts;

/// <summary>
/// Gives PDFsharp the bundled faces and nothing else, so a render never depends on the fonts installed
/// on the machine that runs it.
/// </summary>
internal sealed class BundledFontResolver(FontCatalog catalog) : IFontResolver
{
    private static readonly Lock InstallLock = new();

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = FontCatalog.FaceNameOf(familyName, bold, italic);
        return catalog.FaceNames.Contains(face) ? new FontResolverInfo(face) : null;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<byte[]>> _embedding = new(StringComparer.Ordinal);

    /// <summary>The face without hinting (see <see cref="EmbeddingFont"/>): PDFsharp measures and subsets these bytes.</summary>
    public byte[]? GetFont(string faceName) =>
        _embedding.GetOrAdd(faceName, name => new Lazy<byte[]>(() => EmbeddingFont.From(catalog.Face(name)))).Value;

    /// <summary>
    /// PDFsharp's resolver is process-wide and may be set only before fonts are first used; every catalog
    /// loads the same bundled files, so the first one installed serves all renders.
    /// </summary>
    public static void InstallOnce(FontCatalog catalog)
    {
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is null)
                GlobalFontSettings.FontResolver = new BundledFontResolver(catalog);
        }
    }
}
