using HiiaPublish.Typesetting.Flow;
using HiiaPublish.Typesetting.Fonts;
using HiiaPublish.Typesetting.Hyphenation;
using HiiaPublish.Typesetting.Inline;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using HiiaPublish.Typesetting.Pages;

namespace HiiaPublish.Typesetting;

/// <summary>
/// Lays out a document into positioned pages. Stages, each a folder: Inline (runs → boxes, glue, penalties),
/// LineBreaking (Knuth–Plass, first-fit), Lines (positioned lines), Flow (blocks → units → page plans with
/// footnotes), Pages (drawing a plan). Built once and shared: every layout gets its own small state.
/// </summary>
public sealed class Typesetter(IFontMetrics metrics)
{
    private readonly IFontMetrics _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));

    public LaidOutDocument Layout(TypesetDocument document, IHyphenator hyphenator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var context = new LayoutContext(_metrics, hyphenator ?? NoHyphenation.Instance);
        context.Warnings.AddRange(CheckGlyphs(document));
        var area = new FootnoteArea(document.Footnotes);
        var pages = new List<LaidOutPage>();
        var outline = new List<OutlineEntry>();
        var composer = new PageComposer(document.PageNumbers, context.Measurer, area, outline);

        foreach (var sequence in document.Sequences)
        {
            var geometry = sequence.Geometry ?? document.Geometry;
            var units = new FlowUnitBuilder(context, geometry).Build(sequence.Blocks, cancellationToken);
            var plans = new Paginator(geometry.ContentHeight, area, context.Warnings).Paginate(units, cancellationToken);
            foreach (var plan in plans)
            {
                cancellationToken.ThrowIfCancellationRequested();
                pages.Add(composer.Compose(plan, units, sequence, geometry, pages.Count + 1, onlyPageOfSequence: plans.Count == 1));
            }
        }
        return new LaidOutDocument(pages, outline, context.Warnings);
    }

    /// <summary>
    /// The characters of <paramref name="document"/> their font cannot draw (TS0005, each with its font and code
    /// point), found without laying anything out: the same warnings <see cref="Layout"/> begins with, for a caller
    /// that refuses such a document before paying for its layout.
    /// </summary>
    public IReadOnlyList<TypesetWarning> CheckGlyphs(TypesetDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new GlyphCoverage(_metrics).Check(document);
    }
}
