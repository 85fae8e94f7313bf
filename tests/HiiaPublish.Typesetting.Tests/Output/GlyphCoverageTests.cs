using HiiaPublish.Typesetting.Fonts;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using HiiaPublish.Typesetting.Tests.Support;
using static HiiaPublish.Typesetting.Tests.Support.Build;

namespace HiiaPublish.Typesetting.Tests.Output;

/// <summary>
/// The one check for characters a font lacks (TS0005): run before the layout, in reading order, each character
/// once per font, at the line an editor would look at.
/// </summary>
public class GlyphCoverageTests
{
    private const string Crab = "🦀";
    private static readonly TableStyle TableStyle = new(4, 0.5, Color.Black);

    private static readonly TypesetDocument Document = Document(
        Para("before the mark", Justified) with { SourceLine = 3 },
        Para(Run("text "), NoteAt(20, "a note with a crab " + Crab), Run(" and the crab again " + Crab)) with { SourceLine = 5 },
        Para(Run("an item with a crab " + Crab, Bold)) with { Marker = Run("•", Bold), SourceLine = 7 },
        new TableBlock([1], [new([new([Para(Run(Crab, NoteText with { Font = new FontSpec("Sans") }))])], false)], TableStyle) { SourceLine = 9 });

    private static FootnoteMark NoteAt(int line, string text)
    {
        var mark = Mark(1, text);
        return mark with { Note = [.. mark.Note.Select(p => p with { SourceLine = line })] };
    }

    [Fact]
    public void Each_missing_character_is_reported_once_per_font_in_reading_order_with_its_font_and_code_point()
    {
        var warnings = new Typesetter(FakeFontMetrics.Instance).CheckGlyphs(Document);

        // The note is read where its mark stands, so the crab in the serif face is first met in the note, at the
        // note's own line; the bold crab of the item is another face's; the table's cell counts as the table's line.
        Assert.Equal(
            [("TS0005", 20, "Serif", 0x1F980), ("TS0005", 7, "Serif Bold", 0x1F980), ("TS0005", 9, "Sans", 0x1F980)],
            warnings.Select(w => (w.Code, w.SourceLine, w.Font.ToString(), w.CodePoint ?? 0)));
    }

    [Fact]
    public void The_layout_begins_its_warnings_with_the_same_findings()
    {
        var check = new Typesetter(FakeFontMetrics.Instance).CheckGlyphs(Document);

        var layout = Layout(Document);

        Assert.Equal(check, layout.Warnings.Where(w => w.Code == TypesetWarningCatalog.MissingGlyph.Code));
        Assert.Equal(check, layout.Warnings.Take(check.Count));
    }

    [Fact]
    public void A_marker_is_checked_as_well_as_the_text()
    {
        var warnings = new Typesetter(FakeFontMetrics.Instance).CheckGlyphs(Document(Para("an item") with { Marker = Run(Crab), SourceLine = 4 }));

        Assert.Equal(("TS0005", 4), (Assert.Single(warnings).Code, warnings[0].SourceLine));
    }
}
