using Scriban;
using Scriban.Runtime;

namespace HiiaPublish.Site;

public enum SiteTemplate { Layout, LandingHead, Landing, Listing, NotFound, Feed, Sitemap, StyleSheet }

/// <summary>
/// The Scriban templates of templates/site, parsed once and shared. Data goes in only as ScriptObjects, never
/// spliced into template source, and every render gets a fresh context with strict variables and limits.
/// </summary>
public sealed class SiteTemplates
{
    // The largest output is the sitemap at its protocol limit of 50,000 URLs (~130 characters each ≈ 6.5 M);
    // a 2 MB draft's landing page stays far below that. Beyond it something is wrong: fail, never truncate.
    private const int MaxOutputCharacters = 32 * 1024 * 1024;
    // Loops run over the catalogue (sitemap) plus a few small nested lists; the sitemap protocol caps a file
    // at 50,000 URLs, so twice that is a bound no honest site reaches and a runaway loop hits quickly.
    private const int MaxLoopIterations = 100_000;
    // Our templates call no recursive functions; a small bound catches a mistake in a template early.
    private const int MaxRecursion = 20;

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
    };

    // Building Scriban's built-in functions (html.escape, array.join, …) costs more than rendering a small page,
    // so one read-only set is shared by every render; templates can read it but never assign into it.
    private static readonly ScriptObject Builtins = CreateBuiltins();

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

    public string Render(SiteTemplate which, ScriptObject model)
    {
        var context = new TemplateContext(Builtins)
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            LoopLimit = MaxLoopIterations,
            RecursiveLimit = MaxRecursion,
            LimitToString = MaxOutputCharacters,
            OutputLimit = MaxOutputCharacters,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            NewLine = "\n",
        };
        context.PushGlobal(model);
        return _templates[which].Render(context);
    }

    private static ScriptObject CreateBuiltins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        builtins.IsReadOnly = true;
        return builtins;
    }
}
