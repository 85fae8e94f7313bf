using System.Text;
using HiiaPublish.Format.Branding;
using HiiaPublish.Format;
using HiiaPublish.Typesetting.Hyphenation;
using Scriban.Runtime;

namespace HiiaPublish.Site;

/// <summary>
/// Turns catalogue entries and papers into the site's files. Built once (templates parsed, labels read) and
/// shared; every method is a pure function of its arguments, so equal input gives equal bytes.
/// </summary>
public sealed partial class SiteRenderer
{
    // The PDF's patterns, loaded on a language's first page (the Hungarian trie costs ~40 MB to build).
    private readonly Lazy<LiangHyphenator> _englishPatterns;
    private readonly Lazy<LiangHyphenator> _hungarianPatterns;

    private SiteRenderer(string templatesDirectory, Format.Branding.Branding branding, SiteLabelSet labels, SiteTemplates templates, SiteOptions options)
    {
        TemplatesDirectory = templatesDirectory;
        _englishPatterns = new(() => LoadPatterns(templatesDirectory, "hyph_en_US.dic", []));
        _hungarianPatterns = new(() => LoadPatterns(templatesDirectory, "hyph_hu_HU.dic", HungarianLetterClusters.All));
        Branding = branding;
        Labels = labels;
        Templates = templates;
        Options = options;
        BaseUrl = EnsureTrailingSlash(options.BaseUrl ?? branding.SiteBaseUrl);
    }

    public string TemplatesDirectory { get; }
    public Format.Branding.Branding Branding { get; }
    public SiteLabelSet Labels { get; }
    public SiteTemplates Templates { get; }
    public SiteOptions Options { get; }
    public string BaseUrl { get; }

    public static SiteRenderer Load(string templatesDirectory, SiteOptions? options = null)
    {
        var (english, hungarian) = SiteLabels.Load(templatesDirectory);
        return new SiteRenderer(templatesDirectory, BrandingLoader.Load(templatesDirectory), new SiteLabelSet(english, hungarian),
            SiteTemplates.Load(templatesDirectory), options ?? new SiteOptions());
    }

    public string AbsoluteUrl(string path) => SitePaths.Absolute(BaseUrl, path);

    /// <summary>The hyphenator the PDF of a paper in <paramref name="language"/> uses.</summary>
    public IHyphenator HyphenatorFor(PaperLanguage language) =>
        (language == PaperLanguage.Hungarian ? _hungarianPatterns : _englishPatterns).Value;

    private static LiangHyphenator LoadPatterns(string templatesDirectory, string file, IEnumerable<string> clusters)
    {
        using var reader = new StreamReader(Path.Combine(templatesDirectory, "hyphenation", file));
        return LiangHyphenator.Load(reader, clusters);
    }

    /// <summary>assets/site.css with the brand colours.</summary>
    public byte[] RenderStyleSheet()
    {
        var colours = new ScriptObject
        {
            ["primary_css"] = CssColour(Branding.Colours.Primary),
            ["accent_css"] = CssColour(Branding.Colours.Accent),
            ["accent_text_css"] = ReadableOnWhite(CssColour(Branding.Colours.Accent)),
            ["text_css"] = CssColour(Branding.Colours.Text),
            ["muted_css"] = CssColour(Branding.Colours.Muted),
        };
        return Utf8(Templates.Render(SiteTemplate.StyleSheet, new ScriptObject { ["colours"] = colours }));
    }

    /// <summary>
    /// 404.html, in both languages: served for any missing path at any depth, so no relative link would work and
    /// "/" would miss a site served under a path; its links are the site's absolute address (BaseUrl).
    /// </summary>
    public byte[] RenderNotFound()
    {
        var hungarian = new ScriptObject();
        foreach (var (key, value) in Labels.Hungarian.All) hungarian[key] = value;
        return RenderPage(new PageFrame(SitePaths.NotFound, PaperLanguage.English, Labels.English["not_found_title"],
            Labels.English["not_found_text"], HeadHtml: "", SiteTemplate.NotFound, new ScriptObject { ["labels_hu"] = hungarian },
            RootOverride: BaseUrl));
    }

    /// <summary>search/index.html and hu/search/index.html: Pagefind's interface over pagefind/, in each language.</summary>
    public IEnumerable<SiteFile> RenderSearchPages() =>
        new (string? Folder, PaperLanguage Language)[] { (null, PaperLanguage.English), ("hu", PaperLanguage.Hungarian) }.Select(v =>
        {
            var path = SitePaths.Search(v.Folder);
            var root = SitePaths.RootPrefix(path);
            var head = $"<script src=\"{root}{SitePaths.SearchScript}\" defer></script>";
            var labels = Labels.For(v.Language);
            return new SiteFile(path, RenderPage(new PageFrame(path, v.Language, labels["search_title"], labels["search_help"], head,
                SiteTemplate.Search, new ScriptObject())));
        });

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
            ["site_short"] = wording.InstituteShort,
            ["listing_href"] = root + SitePaths.ListingPage(frame.Language == PaperLanguage.Hungarian ? "hu" : null, 1),
            ["other_listing_href"] = root + SitePaths.ListingPage(frame.Language == PaperLanguage.Hungarian ? null : "hu", 1),
            ["feed_href"] = root + SitePaths.Feed,
            ["search_href"] = root + SitePaths.Search(frame.Language == PaperLanguage.Hungarian ? "hu" : null),
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

    /// <summary>The colour darkened in steps until text in it has a contrast of at least 4.5:1 on white (WCAG AA), with a margin for rounding to hex.</summary>
    internal static string ReadableOnWhite(string hex)
    {
        var digits = hex.Length == 4 ? string.Concat(hex[1..].Select(c => $"{c}{c}")) : hex[1..];
        var rgb = Enumerable.Range(0, 3).Select(i => Convert.ToInt32(digits.Substring(i * 2, 2), 16) / 255.0).ToArray();
        for (var step = 0; step < 100 && ContrastOnWhite(rgb) < 4.5 + 0.3; step++)
            rgb = rgb.Select(c => c * 0.97).ToArray();
        return "#" + string.Concat(rgb.Select(c => ((int)Math.Round(c * 255)).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static double ContrastOnWhite(double[] rgb)
    {
        static double Linear(double c) => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        var luminance = 0.2126 * Linear(rgb[0]) + 0.7152 * Linear(rgb[1]) + 0.0722 * Linear(rgb[2]);
        return 1.05 / (luminance + 0.05);
    }

    // Colours go into CSS unescaped, so only the #hex forms pass: a stray value can never break out of the rule.
    private static string CssColour(string colour) =>
        System.Text.RegularExpressions.Regex.IsMatch(colour, "^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")
            ? colour : throw new InvalidDataException($"branding.yaml colour '{colour}' is not #rgb or #rrggbb.");

    private sealed record PageFrame(string Path, PaperLanguage Language, string Title, string Description, string HeadHtml,
        SiteTemplate Content, ScriptObject ContentModel, string? RootOverride = null, string? CopyrightYear = null);
}
