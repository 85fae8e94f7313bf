using HiiaPublish.Typesetting.Flow.Units;
using HiiaPublish.Typesetting.Output;
using HiiaPublish.Typesetting.Pages;

namespace HiiaPublish.Typesetting.Flow.Tables;

/// <summary>A table row: never split across pages. Its cells' lines sit at fixed offsets below the row's top.</summary>
internal sealed class TableRowUnit(TableFrame frame, int rowIndex, bool isHeader, List<(LineUnit Line, double Offset)> lines) : FlowUnit
{
    public TableFrame Frame { get; } = frame;
    public int RowIndex { get; } = rowIndex;
    public bool IsHeader { get; } = isHeader;
    public override string Description => "A table row";
    public override IReadOnlyList<Footnote> Notes { get; } = [.. lines.SelectMany(l => l.Line.Notes)];

    /// <summary>Whether a page that starts with this row must first repeat the table's header rows.</summary>
    public bool NeedsRepeatedHeader => !IsHeader && Frame.HeaderRows.Count > 0;

    public override void Draw(PageCanvas canvas, double top, bool firstOnPage) => DrawRow(canvas, top, firstOnPage, repeated: false);

    /// <summary>A header row drawn again at the top of a continuation page: an artifact, read once only.</summary>
    public void DrawRepeated(PageCanvas canvas, double top, bool firstOnPage) => DrawRow(canvas, top, firstOnPage, repeated: true);

    private void DrawRow(PageCanvas canvas, double top, bool firstOnPage, bool repeated)
    {
        var style = Frame.Style;
        if (IsHeader && style.HeaderBackground is { } background)
            canvas.Elements.Add(new FilledRectElement(new(Frame.Left, top, Frame.Right - Frame.Left, Height), background, StructureRef.Artifact));
        foreach (var (line, offset) in lines)
        {
            if (repeated)
                line.DrawText(canvas, top + offset, StructureRef.Artifact);
            else
                line.Draw(canvas, top + offset, firstOnPage: false);
        }
        if (style.RuleThickness <= 0)
            return;
        if (firstOnPage || RowIndex == 0)
            HorizontalRule(canvas, top);
        HorizontalRule(canvas, top + Height);
        foreach (var x in Frame.ColumnEdges)
            canvas.Elements.Add(new RuleElement(x, top, x, top + Height, style.RuleThickness, style.RuleColor, StructureRef.Artifact));
    }

    private void HorizontalRule(PageCanvas canvas, double y) =>
        canvas.Elements.Add(new RuleElement(Frame.Left, y, Frame.Right, y, Frame.Style.RuleThickness, Frame.Style.RuleColor, StructureRef.Artifact));
}
