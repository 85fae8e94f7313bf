using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace HiiaPublish.Testing;

/// <summary>What every generated page must pass: parses without errors, and the accessibility basics.</summary>
public static class HtmlChecks
{
    private static readonly string[] AllowedSchemes = ["http:", "https:", "mailto:"];

    public static IHtmlDocument ParseStrict(byte[] html, string path)
    {
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) => errors.Add($"{((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Message} at {((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Position}");
        var document = parser.ParseDocument(Encoding.UTF8.GetString(html));
        Assert.True(errors.Count == 0, $"{path} has HTML errors: {string.Join("; ", errors)}");
        return document;
    }

    /// <summary>One h1, no heading level skipped, alt on every image, text on every link, a lang attribute.</summary>
    public static void AssertAccessible(IDocument document, string path)
    {
        Assert.False(string.IsNullOrWhiteSpace(document.DocumentElement.GetAttribute("lang")), $"{path}: <html> has no lang.");
        Assert.True(document.QuerySelectorAll("h1").Length == 1, $"{path}: expected exactly one h1.");
        var previous = 1;
        foreach (var heading in document.QuerySelectorAll("h1, h2, h3, h4, h5, h6"))
        {
            var level = heading.LocalName[1] - '0';
            Assert.True(level <= previous + 1, $"{path}: heading '{heading.TextContent}' (h{level}) skips a level after h{previous}.");
            previous = level;
        }
        foreach (var image in document.QuerySelectorAll("img"))
            Assert.False(string.IsNullOrWhiteSpace(image.GetAttribute("alt")), $"{path}: an image has no alt text.");
        foreach (var link in document.QuerySelectorAll("a"))
            Assert.False(string.IsNullOrWhiteSpace(link.TextContent), $"{path}: a link to '{link.GetAttribute("href")}' has no text.");
    }

    /// <summary>
    /// No executable script but the site's own assets/site.js (by src, never inline), no event handler, no href or src
    /// outside http, https, mailto and relative.
    /// </summary>
    public static void AssertNoActiveContent(IDocument document, string path)
    {
        foreach (var script in document.QuerySelectorAll("script"))
        {
            if (script.GetAttribute("type") == "application/ld+json") continue;
            var source = script.GetAttribute("src") ?? "";
            Assert.True(IsSiteScript(source) && script.TextContent.Length == 0, $"{path}: an executable <script> is on the page.");
        }
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{path}: <{element.LocalName} {attribute.Name}> is an event handler.");
                if (attribute.Name is "href" or "src" && !IsAllowedTarget(attribute.Value))
                    Assert.Fail($"{path}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\"> is not an allowed link target.");
            }
        }
    }

    // The site's own scripts (the copy button, the search page and Pagefind's interface): relative ("../../assets/site.js") or at the site's own base address (the 404 page).
    private static bool IsSiteScript(string source) =>
        System.Text.RegularExpressions.Regex.IsMatch(source, @"^((\.\./)*|https://[a-z0-9.-]+(:[0-9]+)?/([a-z0-9._-]+/)*)(assets/site\.js|assets/search\.js|pagefind/pagefind-ui\.js)$");

    public static bool IsAllowedTarget(string value)
    {
        var colon = value.IndexOf(':');
        var firstSeparator = value.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon > 0 && (firstSeparator < 0 || colon < firstSeparator);
        return !hasScheme || AllowedSchemes.Any(s => value.StartsWith(s, StringComparison.OrdinalIgnoreCase));
    }
}
