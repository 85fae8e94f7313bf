using System.Globalization;
using HiiaPublish.Typesetting.Flow;
using HiiaPublish.Typesetting.Flow.Units;
using HiiaPublish.Typesetting.Inline;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;

namespace HiiaPublish.Typesetting.Pages;

/// <summary>
/// Draws a planned page, in reading order: decorations first (artifacts), then the body from the top
/// (shifted by the sequence's placement, spread by fills), then the footnote area at the foot, then the page number.
/// </summary>
internal sealed class PageComposer(PageNumberStyle? pageNumbers, TextMeasurer measurer, FootnoteArea area, List<OutlineEntry> outline)
{
    public LaidOutPage Compose(PagePlan plan, List<FlowUnit> units, PageSequence sequence, PageGeometry geometry, int pageNumber, bool onlyPageOfSequence)
    {
        var canvas = new PageCanvas(pageNumber, outline);
        foreach (var decoration in sequence.Decorations)
        {
            if (decoration is FilledRectDecoration rect)
                canvas.Elements.Add(new FilledRectElement(rect.Area, rect.Fill, StructureRef.Artifact));
        }
        DrawBody(canvas, plan, units, sequence, geometry, onlyPageOfSequence);
        DrawNotes(canvas, plan, geometry);
        var numberText = DrawPageNumber(canvas, sequence, geometry, pageNumber);
        return new LaidOutPage(pageNumber, geometry.Width, geometry.Height, sequence.Name, canvas.Elements, canvas.Anchors) { PageNumberText = numberText };
    }

    private static void DrawBody(PageCanvas canvas, PagePlan plan, List<FlowUnit> units, PageSequence sequence, PageGeometry geometry, bool onlyPageOfSequence)
    {
        var free = Math.Max(0, geometry.ContentHeight - plan.BodyHeight - plan.NotesHeight);
        var fills = 0;
        for (var i = plan.BodyStart; i < plan.BodyEnd; i++)
            fills += units[i] is FillUnit ? 1 : 0;
        // Fills share the free height only on a page the author closed; on a page ended for lack of room the
        // leftover is an accident of keeps and widows, and spreading it would make the text jump.
        var fillShare = plan.ClosedByAuthor && fills > 0 ? free / fills : 0;
        var offset = onlyPageOfSequence && fills == 0
            ? sequence.Placement switch { VerticalPlacement.Center => free / 2, VerticalPlacement.Bottom => free, _ => 0 }
            : 0;

        var y = geometry.MarginTop + offset;
        if (plan.RepeatedHeader is { } table)
        {
            foreach (var row in table.HeaderRows)
            {
                row.DrawRepeated(canvas, y, firstOnPage: row == table.HeaderRows[0]);
                y += row.Height;
            }
        }
        for (var i = plan.BodyStart; i < plan.BodyEnd; i++)
        {
            var unit = units[i];
            if (i > plan.BodyStart)
                y += unit.GapBefore;
            unit.Draw(canvas, y, firstOnPage: i == plan.BodyStart && plan.RepeatedHeader is null);
            y += unit.Height + (unit is FillUnit ? fillShare : 0);
        }
    }

    private void DrawNotes(PageCanvas canvas, PagePlan plan, PageGeometry geometry)
    {
        if (plan.Notes.Count == 0)
            return;
        var style = area.Style;
        var top = geometry.MarginTop + geometry.ContentHeight - plan.NotesHeight;
        var ruleY = top + Math.Max(0, style.GapAboveRule) + Math.Max(0, style.RuleThickness) / 2;
        var ruleLength = Math.Clamp(style.RuleLength, 0, geometry.ContentWidth);
        if (style.RuleThickness > 0 && ruleLength > 0)
            canvas.Elements.Add(new RuleElement(geometry.MarginLeft, ruleY, geometry.MarginLeft + ruleLength, ruleY, style.RuleThickness, style.RuleColor, StructureRef.Artifact));

        // A part carried from the previous page opens the area; then the notes in the order of their numbers.
        var ordered = plan.Notes.OrderBy(n => n.Unit < 0 ? 0 : 1).ThenBy(n => n.Unit < 0 ? 0 : n.Part.Note.Mark.Number);
        var y = top;
        var position = 0;
        foreach (var (_, part) in ordered)
        {
            y += area.Lead(position++);
            for (var k = part.From; k < part.To; k++)
            {
                var unit = part.Note.Units[k];
                if (k > part.From)
                    y += unit.GapBefore;
                unit.Draw(canvas, y, firstOnPage: false);
                y += unit.Height;
            }
        }
    }

    private string? DrawPageNumber(PageCanvas canvas, PageSequence sequence, PageGeometry geometry, int pageNumber)
    {
        if (pageNumbers is null || !sequence.ShowPageNumbers)
            return null;
        var text = pageNumber.ToString(CultureInfo.InvariantCulture);
        var width = measurer.Width(pageNumbers.Style, text);
        var x = pageNumbers.Alignment switch
        {
            TextAlignment.Left => geometry.MarginLeft,
            TextAlignment.Right => geometry.MarginLeft + geometry.ContentWidth - width,
            _ => geometry.MarginLeft + (geometry.ContentWidth - width) / 2,
        };
        canvas.Elements.Add(new TextElement(x, geometry.Height - pageNumbers.BaselineFromBottom, text, pageNumbers.Style, width, StructureRef.Artifact));
        return text;
    }
}
