namespace HiiaPublish.Site;

public sealed partial class SiteRenderer
{
    // The faces the style sheet names: body text (regular, italic, bold, bold italic) and headings (regular, bold).
    private static readonly string[] WebFontFaces =
        ["NotoSerif-Regular", "NotoSerif-Italic", "NotoSerif-Bold", "NotoSerif-BoldItalic", "NotoSans-Regular", "NotoSans-Bold"];

    private IReadOnlyList<SiteFile>? _assets;

    /// <summary>
    /// The files every page needs besides the style sheet: the Noto faces as WOFF2 with their licence (the OFL asks
    /// that the licence travel with the fonts), the favicon drawn from the brand mark, the search box's magnifier (in
    /// place of Pagefind's data: URL, which the pages' policy refuses), and the small scripts. Served from the site itself, never from another host. Read once; the same bytes every time.
    /// </summary>
    public IReadOnlyList<SiteFile> RenderAssets() => _assets ??= LoadAssets();

    private IReadOnlyList<SiteFile> LoadAssets()
    {
        var files = new List<SiteFile>();
        foreach (var face in WebFontFaces)
            files.Add(new SiteFile(SitePaths.FontsFolder + face + ".woff2",
                File.ReadAllBytes(Path.Combine(TemplatesDirectory, "fonts", "web", face + ".woff2"))));
        files.Add(new SiteFile(SitePaths.FontsFolder + "LICENSE-Noto.txt", File.ReadAllBytes(Path.Combine(TemplatesDirectory, "fonts", "LICENSE-Noto.txt"))));
        files.Add(new SiteFile(SitePaths.Favicon, File.ReadAllBytes(Path.Combine(TemplatesDirectory, "site", "favicon.svg"))));
        files.Add(new SiteFile(SitePaths.SearchIcon, File.ReadAllBytes(Path.Combine(TemplatesDirectory, "site", "search-icon.svg"))));
        files.Add(new SiteFile(SitePaths.Script, File.ReadAllBytes(Path.Combine(TemplatesDirectory, "site", "site.js"))));
        files.Add(new SiteFile(SitePaths.SearchScript, File.ReadAllBytes(Path.Combine(TemplatesDirectory, "site", "search.js"))));
        files.Add(new SiteFile(SitePaths.SearchIndexModule, File.ReadAllBytes(Path.Combine(TemplatesDirectory, "site", "search-index.js"))));
        files.AddRange(RenderSearchPages());
        return files;
    }
}
