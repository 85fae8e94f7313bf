using System.Text;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Site.Publishing;

/// <summary>
/// The headers each site object is served with. Static website hosting cannot set headers itself, and a blob
/// uploaded without them is served as application/octet-stream, so every write carries them.
/// </summary>
public static class SiteObjectPolicy
{
    // Versioned PDFs and content-named images never change under their name: caches may keep them for a year.
    public const string Immutable = "public, max-age=31536000, immutable";
    // Listings, feed, catalogue and landing pages change with every publish or correction: five minutes keeps
    // a new paper or a correction visible quickly while still absorbing bursts of readers.
    public const string ShortLived = "public, max-age=300";
    // The current PDF and the style sheet change only on a correction or a redesign: an hour bounds how long a
    // reader may still get the replaced file, and spares the account most repeat downloads.
    public const string Hourly = "public, max-age=3600";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".svg"] = "image/svg+xml; charset=utf-8",
        [".woff2"] = "font/woff2",
        [".js"] = "text/javascript; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".bib"] = "application/x-bibtex; charset=utf-8",
        [".ris"] = "application/x-research-info-systems; charset=utf-8",
    };

    /// <summary>The content type from the closed map; any other extension is our bug, so it throws.</summary>
    public static string ContentTypeOf(string path)
    {
        if (path == Site.SitePaths.Feed || (path.StartsWith("topics/", StringComparison.Ordinal) && path.EndsWith("/feed.xml", StringComparison.Ordinal)))
            return "application/atom+xml; charset=utf-8";
        var extension = Path.GetExtension(path);
        return ContentTypes.TryGetValue(extension, out var type)
            ? type : throw new ArgumentException($"No content type is defined for '{path}'.", nameof(path));
    }

    public static SiteObjectProperties Listing(string path) => new(ContentTypeOf(path), ShortLived);

    public static SiteObjectProperties StyleSheet(string path) => new(ContentTypeOf(path), Hourly);

    public static SiteObjectProperties Image(string path) => new(ContentTypeOf(path), Immutable);

    public static SiteObjectProperties Pdf(string path, bool versioned, string downloadName, string asciiFallback) =>
        new(ContentTypeOf(path), versioned ? Immutable : Hourly, ContentDisposition(downloadName, asciiFallback));

    /// <summary>inline; filename="ascii"; filename*=UTF-8''percent-encoded (RFC 6266 and RFC 8187).</summary>
    public static string ContentDisposition(string fileName, string asciiFallback) =>
        $"inline; filename=\"{asciiFallback}\"; filename*=UTF-8''{PercentEncode(fileName)}";

    /// <summary>A file name from a title: characters that file systems or headers reject are dropped.</summary>
    public static string FileNameFromTitle(string title, string suffix)
    {
        // Long enough for any real title, short enough for every file system's 255-byte limit after UTF-8.
        const int maxCharacters = 80;
        var cleaned = new string(title.Where(c => !char.IsControl(c) && "/\\:*?\"<>|".IndexOf(c) < 0).ToArray()).Trim();
        cleaned = string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (cleaned.Length > maxCharacters) cleaned = cleaned[..maxCharacters].TrimEnd();
        if (cleaned.Length > 0 && char.IsHighSurrogate(cleaned[^1])) cleaned = cleaned[..^1];
        return (cleaned.Length == 0 ? "perspective" : cleaned) + suffix;
    }

    private static string PercentEncode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            // RFC 8187 attr-char: letters, digits and !#$&+-.^_`|~ go as they are; every other byte is %XX.
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".IndexOf(c) >= 0)) builder.Append(c);
            else builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
