using Scriban;
using Scriban.Runtime;
using HiiaPublish.Templating;

namespace HiiaPublish.Site;

public enum SiteTemplate { Layout, LandingHead, Landing, Listing, NotFound, Feed, Sitemap, StyleSheet, Search }

/// <summary>
/// The Scriban templates of templates/site, parsed once and shared. Data goes in only as ScriptObjects, never
/// spliced into template source, and every render gets a fresh context with strict variables and limits
/// (<see cref="SafeTemplateContext"/>).
/// </summary>
public sealed class SiteTemplates
{
    // The largest output is the sitemap at its protocol limit of 50,000 URLs (~130 characters each ≈ 6.5 M);
    // a 2 MB draft's landing page stays far below that. Beyond it something is wrong: fail, never truncate.
    private const int MaxOutputCharacters = 32 * 1024 * 1024;

    private static readonly Dictionary<SiteTemplate, string> FileNames = new()
    {
        [SiteTemplate.Layout] = "layout.html",
        [SiteTemplate.LandingHead] = "landing-head.html",
        [SiteTemplate.Landing] = "landing.html",
        [SiteTemplate.Listing] = "listing.html",
        [SiteTemplate.NotFound] = "404.html",
        [SiteTemplate.Feed] = "feed.xml",
        [SiteTemplate.Sitemap] = "sitemap.xml",
        [SiteTemplate.StyleSheet] = "site.css",
        [SiteTemplate.Search] = "search.html",
    };

    private readonly IReadOnlyDictionary<SiteTemplate, Template> _templates;

    private SiteTemplates(IReadOnlyDictionary<SiteTemplate, Template> templates) => _templates = templates;

    /// <summary>Parses every template in templates/site; ours, so a broken one throws with Scriban's messages.</summary>
    public static SiteTemplates Load(string templatesDirectory)
    {
        var parsed = new Dictionary<SiteTemplate, Template>();
        foreach (var (kind, fileName) in FileNames)
        {
            var path = Path.Combine(templatesDirectory, "site", fileName);
            var template = Template.Parse(File.ReadAllText(path), path);
            if (template.HasErrors)
                throw new InvalidDataException($"{path} does not parse: {string.Join("; ", template.Messages)}");
            parsed[kind] = template;
        }
        return new SiteTemplates(parsed);
    }

    public string Render(SiteTemplate which, ScriptObject model) =>
        _templates[which].Render(SafeTemplateContext.Create(model, maxOutputCharacters: MaxOutputCharacters));
}
