using HiiaPublish.Typesetting.Lines;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using HiiaPublish.Typesetting.Pages;

namespace HiiaPublish.Typesetting.Flow.Units;

/// <summary>One line of a paragraph: its slot is the paragraph's leading.</summary>
internal sealed class LineUnit(ComposedLine line, double baselineOffset, StructureRef body, StructureRef? label, IReadOnlyList<Footnote> notes) : FlowUnit
{
    public ComposedLine Line { get; } = line;
    public StructureRef Body { get; } = body;
    public override IReadOnlyList<Footnote> Notes { get; } = notes;

    /// <summary>Set on a paragraph's first line: its link destination and outline entry sit at the line's top.</summary>
    public string? AnchorId { get; init; }
    public OutlineInfo? Outline { get; init; }
    public double AnchorX { get; init; }

    public double Baseline(double top) => top + baselineOffset;

    public override void Draw(PageCanvas canvas, double top, bool firstOnPage)
    {
        if (AnchorId is not null)
            canvas.Anchors.Add(new AnchorPoint(AnchorId, AnchorX, top));
        if (Outline is not null)
            canvas.AddOutline(Outline, top);
        foreach (var (id, x) in Line.MarkAnchors)
            canvas.Anchors.Add(new AnchorPoint(id, x, top));
        DrawText(canvas, top, null);
        var baseline = Baseline(top);
        foreach (var link in Line.Links)
            canvas.Elements.Add(new LinkElement(new Rect(link.X, baseline - link.Above, link.Right - link.X, link.Above + link.Below), link.Target, Body));
    }

    /// <summary>Draws the text only; with <paramref name="structure"/> set, every piece is tagged with it (a repeated header as an artifact).</summary>
    public void DrawText(PageCanvas canvas, double top, StructureRef? structure)
    {
        var baseline = Baseline(top);
        foreach (var piece in Line.Pieces)
        {
            var tag = structure ?? (piece.IsLabel ? label ?? Body : Body);
            canvas.Elements.Add(new TextElement(piece.X, baseline, piece.Text, piece.Style, piece.Width, tag) { End = piece.End });
        }
    }
}
