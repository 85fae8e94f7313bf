using HiiaPublish.Format.Branding;
using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Format;
using HiiaPublish.Pdf.Fonts;
using HiiaPublish.Pdf.Painting;
using HiiaPublish.Typesetting;
using HiiaPublish.Typesetting.Hyphenation;

namespace HiiaPublish.Rendering;

/// <summary>
/// Turns a parsed perspective into PDF bytes in the house style. Built once (fonts, patterns and
/// templates loaded at construction) and shared between threads; each call gets its own small context.
/// </summary>
public sealed class PerspectiveRenderer
{
    private readonly Typesetter _typesetter;
    private readonly IPagePainter _painter;
    private readonly DocumentBuilder _builder;
    // Patterns load on a language's first paper: an English render never pays for the Hungarian set
    // (~40 MB allocated while building its trie), and a fresh `hiia render` starts sooner.
    private readonly Branding _branding;
    private readonly Lazy<LiangHyphenator> _english;
    private readonly Lazy<LiangHyphenator> _hungarian;

    public PerspectiveRenderer(string templatesDirectory)
    {
        var branding = BrandingLoader.Load(templatesDirectory);
        _branding = branding;
        var fonts = FontCatalog.Load(Path.Combine(templatesDirectory, "fonts"));
        _typesetter = new Typesetter(new TrueTypeFontMetrics(fonts));
        _painter = new PdfPainter(fonts);
        Style = new HouseStyle(branding);
        _builder = new DocumentBuilder(Style, new PdfTemplates(templatesDirectory), branding);
        _english = new(() => LoadPatterns(templatesDirectory, "hyph_en_US.dic", []));
        // Hungarian digraphs and their long forms (sz, ssz, gy, ggy …) are one letter: never split inside them.
        _hungarian = new(() => LoadPatterns(templatesDirectory, "hyph_hu_HU.dic", HungarianLetterClusters.All));
        // A missing or unreadable pattern file should stop the program at start, not at some paper's render.
        foreach (var file in new[] { "hyph_en_US.dic", "hyph_hu_HU.dic" })
        {
            var path = Path.Combine(templatesDirectory, "hyphenation", file);
            if (!File.Exists(path))
                throw new FileNotFoundException($"Hyphenation patterns '{file}' are missing from {Path.GetDirectoryName(path)}.", path);
        }
    }

    public HouseStyle Style { get; }

    public RenderResult Render(Perspective perspective, IDraftAssets assets, string sourceFile, CancellationToken cancellationToken = default)
    {
        var context = new RenderContext(sourceFile, assets);
        var document = _builder.Build(perspective, context);
        // Before the layout is paid for: a character no font has stops the render, as an unreadable image does.
        foreach (var warning in _typesetter.CheckGlyphs(document))
            RenderDiagnosticCatalog.Report(context, warning);
        if (context.Diagnostics.Any(d => d.Severity == Severity.Error))
            return new RenderResult(null, 0, context.Diagnostics);

        var hyphenator = (perspective.Metadata.Language == PaperLanguage.Hungarian ? _hungarian : _english).Value;
        var layout = _typesetter.Layout(document, hyphenator, cancellationToken);
        foreach (var warning in layout.Warnings)
            RenderDiagnosticCatalog.Report(context, warning);

        var metadata = perspective.Metadata;
        var pdf = _painter.Paint(layout, new PdfMetadata(
            metadata.Title,
            metadata.Authors.Select(a => a.Name).ToList(),
            DocumentBuilder.PlainText(metadata.Abstract),
            metadata.Keywords,
            metadata.Language.Bcp47(),
            metadata.Date)
        {
            Publisher = _branding.For(metadata.Language).Institute,
            Identifier = metadata.Doi is null ? null : "doi:" + metadata.Doi,
            Relations = SeriesRelations(metadata, _branding.For(metadata.Language)),
        }, cancellationToken);
        return new RenderResult(pdf, layout.Pages.Count, context.Diagnostics);
    }

    // What the imprint prints of the series: its name with the paper's number, and the ISSN.
    private static IReadOnlyList<string> SeriesRelations(PerspectiveMetadata metadata, BrandingLanguage wording)
    {
        var series = metadata.Series ?? wording.Series;
        var relations = new List<string> { metadata.Number is null ? series : $"{series} {metadata.Number}" };
        if (wording.Issn is not null) relations.Add("ISSN " + wording.Issn);
        return relations;
    }

    private static LiangHyphenator LoadPatterns(string templatesDirectory, string file, IEnumerable<string> unsplittableClusters)
    {
        using var reader = new StreamReader(Path.Combine(templatesDirectory, "hyphenation", file));
        return LiangHyphenator.Load(reader, unsplittableClusters);
    }
}

/// <summary>The PDF (null when errors stopped the render), its page count, and the warnings and errors met.</summary>
public sealed record RenderResult(byte[]? Pdf, int PageCount, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Pdf is null || Diagnostics.Any(d => d.Severity == Severity.Error);
}
