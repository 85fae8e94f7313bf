using System.Text;
using HiiaPublish.Format.Branding;
using HiiaPublish.Format;
using Scriban.Runtime;

namespace HiiaPublish.Site;

/// <summary>
/// Turns catalogue entries and papers into the site's files. Built once (templates parsed, labels read) and
/// shared; every method is a pure function of its arguments, so equal input gives equal bytes.
/// </summary>
public sealed partial class SiteRenderer
{
    private SiteRenderer(Format.Branding.Branding branding, SiteLabelSet labels, SiteTemplates templates, SiteOptions options)
    {
        Branding = branding;
        Labels = labels;
        Templates = templates;
        Options = options;
        BaseUrl = EnsureTrailingSlash(options.BaseUrl ?? branding.SiteBaseUrl);
    }

    public Format.Branding.Branding Branding { get; }
    public SiteLabelSet Labels { get; }
    public SiteTemplates Templates { get; }
    public SiteOptions Options { get; }
    public string BaseUrl { get; }

    public static SiteRenderer Load(string templatesDirectory, SiteOptions? options = null)
    {
        var (english, hungarian) = SiteLabels.Load(templatesDirectory);
        return new SiteRenderer(BrandingLoader.Load(templatesDirectory), new SiteLabelSet(english, hungarian),
            SiteTemplates.Load(templatesDirectory), options ?? new SiteOptions());
    }

    public string AbsoluteUrl(string path) => SitePaths.Absolute(BaseUrl, path);

    /// <summary>assets/site.css with the brand colours.</summary>
    public byte[] RenderStyleSheet()
    {
        var colours = new ScriptObject
        {
            ["primary_css"] = CssColour(Branding.Colours.Primary),
            ["accent_css"] = CssColour(Branding.Colours.Accent),
            ["text_css"] = CssColour(Branding.Colours.Text),
            ["muted_css"] = CssColour(Branding.Colours.Muted),
        };
        return Utf8(Templates.Render(SiteTemplate.StyleSheet, new ScriptObject { ["colours"] = colours }));
    }

    /// <summary>404.html: served for any missing path, so its links start at the site root ("/").</summary>
    public byte[] RenderNotFound() =>
        RenderPage(new PageFrame(SitePaths.NotFound, PaperLanguage.English, Labels.English["not_found_title"],
            Labels.English["not_found_text"], HeadHtml: "", SiteTemplate.NotFound, new ScriptObject(), RootOverride: "/"));

    private byte[] RenderPage(PageFrame frame)
    {
        var labels = Labels.For(frame.Language);
        var wording = Branding.For(frame.Language);
        var root = frame.RootOverride ?? SitePaths.RootPrefix(frame.Path);
        var page = new ScriptObject
        {
            ["lang"] = frame.Language.Bcp47(),
            ["title"] = frame.Title,
            ["description"] = frame.Description,
            ["canonical_url"] = AbsoluteUrl(frame.Path),
            ["root"] = root,
            ["series"] = wording.Series,
            ["institute"] = wording.Institute,
            ["homepage"] = Branding.Homepage,
            ["homepage_url"] = Branding.HomepageUrl,
            ["copyright"] = frame.CopyrightYear is null ? wording.Institute + "." : BrandingLanguage.Fill(wording.Copyright, ("year", frame.CopyrightYear)),
            ["head_html"] = frame.HeadHtml,
        };
        var contentModel = frame.ContentModel;
        contentModel["labels"] = LabelsObject(labels);
        contentModel["page"] = page;
        page["content_html"] = Templates.Render(frame.Content, contentModel);
        return Utf8(Templates.Render(SiteTemplate.Layout, new ScriptObject { ["page"] = page, ["labels"] = LabelsObject(labels) }));
    }

    private static ScriptObject LabelsObject(SiteLabels labels)
    {
        var result = new ScriptObject();
        foreach (var (key, value) in labels.All) result[key] = value;
        return result;
    }

    internal static ScriptArray Array(IEnumerable<object> items)
    {
        var array = new ScriptArray();
        foreach (var item in items) array.Add(item);
        return array;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string EnsureTrailingSlash(string url) => url.EndsWith('/') ? url : url + "/";

    // Colours go into CSS unescaped, so only the #hex forms pass: a stray value can never break out of the rule.
    private static string CssColour(string colour) =>
        System.Text.RegularExpressions.Regex.IsMatch(colour, "^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")
            ? colour : throw new InvalidDataException($"branding.yaml colour '{colour}' is not #rgb or #rrggbb.");

    private sealed record PageFrame(string Path, PaperLanguage Language, string Title, string Description, string HeadHtml,
        SiteTemplate Content, ScriptObject ContentModel, string? RootOverride = null, string? CopyrightYear = null);
}
