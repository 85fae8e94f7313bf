using System.Globalization;

namespace HiiaPublish.Site;

/// <summary>
/// Where each page of the site lives, and links between them. Links are relative (up to the root, then down)
/// and name index.html explicitly, so the site also works opened from a folder on disk.
/// </summary>
public static class SitePaths
{
    public const string Catalogue = "perspectives.json";
    public const string Feed = "feed.xml";
    public const string Sitemap = "sitemap.xml";
    public const string NotFound = "404.html";
    public const string StyleSheet = "assets/site.css";
    public const string Script = "assets/site.js";
    public const string Favicon = "assets/favicon.svg";
    public const string FontsFolder = "assets/fonts/";
    /// <summary>The magnifier of the search page's box: Pagefind's own is a data: URL, which the pages' policy refuses.</summary>
    public const string SearchIcon = "assets/search-icon.svg";

    /// <summary>{slug}.bib, .ris or .json beside the paper's PDF.</summary>
    public static string Citation(int year, string slug, string extension) => PaperFolder(year, slug) + slug + "." + extension;

    public const string OaiRepository = "oai.xml";
    public const string SearchScript = "assets/search.js";
    /// <summary>The search page's index module (templates/site/search-index.js), named pagefind.js because PagefindUI imports that name.</summary>
    public const string SearchIndexModule = "assets/search/pagefind.js";

    /// <summary>search/index.html, or hu/search/index.html for the Hungarian one.</summary>
    public static string Search(string? languageFolder) => (languageFolder is null ? "" : languageFolder + "/") + "search/index.html";

    public static string Topic(string topicSlug) => $"topics/{topicSlug}/index.html";
    public static string TopicFeed(string topicSlug) => $"topics/{topicSlug}/feed.xml";
    public static string Author(string authorSlug) => $"authors/{authorSlug}/index.html";

    /// <summary>Page <paramref name="page"/> of a topic's papers: the topic page itself, then topics/{slug}/page/2/index.html…</summary>
    public static string TopicPage(string topicSlug, int page) =>
        page <= 1 ? Topic(topicSlug) : $"topics/{topicSlug}/page/{page.ToString(CultureInfo.InvariantCulture)}/index.html";

    /// <summary>Page <paramref name="page"/> of an author's papers: the author page itself, then authors/{slug}/page/2/index.html…</summary>
    public static string AuthorPage(string authorSlug, int page) =>
        page <= 1 ? Author(authorSlug) : $"authors/{authorSlug}/page/{page.ToString(CultureInfo.InvariantCulture)}/index.html";

    /// <summary>The Crossref deposit of a paper with a DOI.</summary>
    public static string CrossrefDeposit(int year, string slug) => PaperFolder(year, slug) + "crossref.xml";

    public static string PaperFolder(int year, string slug) =>
        $"perspectives/{year.ToString(CultureInfo.InvariantCulture)}/{slug}/";

    public static string Landing(int year, string slug) => PaperFolder(year, slug) + "index.html";

    public static string Pdf(int year, string slug) => PaperFolder(year, slug) + slug + ".pdf";

    /// <summary>The PDF of one revision under a name that never changes: the slug and the revision's first 12 hex digits.</summary>
    public static string VersionedPdf(int year, string slug, string revision) =>
        PaperFolder(year, slug) + $"{slug}-{ShortHash(revision)}.pdf";

    /// <summary>An image named by its content, so it never changes once written.</summary>
    public static string Image(int year, string slug, string sha256, string extension) =>
        PaperFolder(year, slug) + $"img-{ShortHash(sha256)}.{extension}";

    /// <summary>Page 1 is index.html (or hu/index.html); page n is page/n/index.html under it.</summary>
    public static string ListingPage(string? languageFolder, int page)
    {
        var prefix = languageFolder is null ? "" : languageFolder + "/";
        return page <= 1 ? prefix + "index.html" : $"{prefix}page/{page.ToString(CultureInfo.InvariantCulture)}/index.html";
    }

    /// <summary>"../" once per folder between <paramref name="fromPath"/> and the site root.</summary>
    public static string RootPrefix(string fromPath) => string.Concat(Enumerable.Repeat("../", fromPath.Count(c => c == '/')));

    /// <summary>The shortest relative link from the page at <paramref name="fromPath"/> to <paramref name="toPath"/>.</summary>
    public static string Relative(string fromPath, string toPath)
    {
        var fromFolders = fromPath.Split('/')[..^1];
        var toParts = toPath.Split('/');
        var shared = 0;
        while (shared < fromFolders.Length && shared < toParts.Length - 1 && fromFolders[shared] == toParts[shared]) shared++;
        return string.Concat(Enumerable.Repeat("../", fromFolders.Length - shared)) + string.Join('/', toParts[shared..]);
    }

    /// <summary>The public URL of a path; index.html is dropped because the static site serves folders by it.</summary>
    public static string Absolute(string baseUrl, string path) =>
        baseUrl + (path.EndsWith("index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path);

    /// <summary>The slug shape every paper's folder and file names rely on.</summary>
    public static bool IsValidSlug(string slug) =>
        slug.Length is > 0 and <= 100 && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && slug[0] != '-' && slug[^1] != '-';

    private static string ShortHash(string hex) => hex.Length <= 12 ? hex : hex[..12];
}
