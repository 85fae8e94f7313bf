using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Tests.Support;
using static HiiaPublish.Typesetting.Tests.Support.Build;

namespace HiiaPublish.Typesetting.Tests.Flow;

public class FootnoteExampleTests
{
    // Note text is 8 pt (4 pt a character, 40 to a line) on a 10 pt leading; the separator above the notes is 10.5 pt.
    private static string NoteOfLines(int lines, int start) => string.Join(' ', Words(lines * 8, "n", start));

    [Fact]
    public void The_line_holding_a_mark_moves_to_the_next_page_when_its_note_does_not_fit()
    {
        // 18 lines leave 44 pt: lines one and two of the next paragraph fit, line three with its 6-line note (82.5 pt) does not.
        var marked = ExactLines(4, 100, marks: new Dictionary<int, FootnoteMark> { [2] = Mark(1, NoteOfLines(6, 0)) });
        var layout = Layout(Document(ExactLines(18, 0), marked));
        var lines = layout.Lines().Where(l => l.Tag == StructureTag.P).ToList();

        Assert.Equal(20, lines.Count(l => l.Page == 1));
        Assert.Equal(2, layout.PageOfAnchor("mark-1"));
        Assert.Equal(2, layout.PageOfAnchor("note-1"));
        Assert.Equal(6, layout.Lines().Count(l => l.Tag == StructureTag.Note && l.Page == 2));
    }

    [Fact]
    public void A_note_taller_than_a_page_keeps_its_first_lines_with_the_mark_and_continues_first_on_the_next_page()
    {
        var first = new ParagraphBlock([Run("opening"), Mark(1, NoteOfLines(38, 0)), Run(" " + string.Join(' ', Words(6, "b")))], Justified, StructureTag.P);
        var second = new ParagraphBlock([Run("second"), Mark(2, NoteOfLines(2, 1000)), Run(" " + string.Join(' ', Words(20, "c")))], Justified, StructureTag.P);

        var layout = Layout(Document(first, second));
        var notes = layout.Lines().Where(l => l.Tag == StructureTag.Note).ToList();
        var noteOne = notes.Where(l => l.ElementId == notes[0].ElementId).ToList();

        Assert.Equal(1, layout.PageOfAnchor("note-1"));
        Assert.Equal(38, noteOne.Count);
        Assert.Equal([1, 2], noteOne.Select(l => l.Page).Distinct());
        Assert.Equal(Words(38 * 8, "n"), noteOne.Words());

        var secondNote = notes.Where(l => l.ElementId != notes[0].ElementId).ToList();
        Assert.Equal(layout.PageOfAnchor("mark-2"), layout.PageOfAnchor("note-2"));
        var samePage = noteOne.Where(l => l.Page == secondNote[0].Page).ToList();
        if (samePage.Count > 0)
            Assert.True(samePage.Max(l => l.Bottom) <= secondNote.Min(l => l.Top), "the carried part opens the footnote area");
    }

    [Fact]
    public void Several_notes_on_a_page_are_stacked_in_the_order_of_their_numbers()
    {
        var paragraph = new ParagraphBlock(
            [Run("one"), Mark(1, "first note"), Run(" two"), Mark(2, "second note"), Run(" three"), Mark(3, "third note")],
            Justified, StructureTag.P);

        var layout = Layout(Document(paragraph));
        var notes = layout.Lines().Where(l => l.Tag == StructureTag.Note).ToList();

        Assert.Equal(["first note", "second note", "third note"], notes.Select(n => n.Text));
        Assert.True(notes[0].Baseline < notes[1].Baseline && notes[1].Baseline < notes[2].Baseline);
        // Bottom-aligned: the last note's slot ends at the foot of the content area.
        var lastSlotBottom = notes[2].Baseline - ((NoteLeading - 8) / 2 + 8 * FakeFontMetrics.Ascent) + NoteLeading;
        Assert.Equal(Page.Height - Page.MarginBottom, lastSlotBottom, 0.001);
    }
}
