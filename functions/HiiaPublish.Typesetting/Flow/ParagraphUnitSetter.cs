using HiiaPublish.Typesetting.Flow.Units;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;

namespace HiiaPublish.Typesetting.Flow;

/// <summary>
/// Sets a paragraph into line units carrying its structure, anchor, outline entry and the footnotes
/// referenced on each line (set at the footnote area's width, the page's content width).
/// </summary>
internal sealed class ParagraphUnitSetter(LayoutContext context, double noteLeft, double noteWidth)
{
    public List<LineUnit> Set(ParagraphBlock block, double left, double width, IReadOnlyList<StructureContainer> containers, bool withNotes)
    {
        var set = context.Paragraphs.Set(block, left, width, context.Warnings);
        var body = new StructureRef(block.Tag, context.NextElementId(), containers);
        var label = block.Marker is null ? null : new StructureRef(StructureTag.Lbl, context.NextElementId(), containers);
        var units = new List<LineUnit>(set.Lines.Count);
        for (var i = 0; i < set.Lines.Count; i++)
        {
            var line = set.Lines[i];
            IReadOnlyList<Footnote> notes = withNotes && line.Notes.Count > 0 ? [.. line.Notes.Select(SetNote)] : [];
            units.Add(new LineUnit(line, set.BaselineOffset, body, label, notes)
            {
                Height = Math.Max(0, block.Style.Leading),
                AnchorId = i == 0 ? block.AnchorId : null,
                Outline = i == 0 ? block.Outline : null,
                AnchorX = left + block.Style.LeftIndent,
                SourceLine = block.SourceLine,
            });
        }
        return units;
    }

    // A mark inside a note only draws its number: notes of notes would have no page to sit on.
    private Footnote SetNote(FootnoteMark mark)
    {
        var units = new List<FlowUnit>();
        var spaceAfter = 0.0;
        foreach (var paragraph in mark.Note)
        {
            var lines = Set(paragraph, noteLeft, noteWidth, paragraph.Containers, withNotes: false);
            if (lines.Count > 0 && units.Count > 0)
                lines[0].GapBefore = spaceAfter + paragraph.Style.SpaceBefore;
            units.AddRange(lines);
            spaceAfter = paragraph.Style.SpaceAfter;
        }
        return new Footnote(mark, units);
    }
}
