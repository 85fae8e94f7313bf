using System.Text;
using HiiaPublish.Typesetting.Fonts;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;

namespace HiiaPublish.Typesetting.Inline;

/// <summary>
/// Finds the characters of a document that their font cannot draw (each would print as an empty box), without
/// laying anything out, so a caller can refuse the document before paying for its layout. Each missing character
/// is reported once per font, at the source line of the block it first appears in, in reading order: a list
/// marker before its item's text, a footnote's text where its mark stands (at the note's own line), a table's
/// cells at the table's line. Asks <see cref="IFontMetrics.HasGlyph"/> once per character and font.
/// Per-check state: create one per document.
/// </summary>
internal sealed class GlyphCoverage(IFontMetrics metrics)
{
    // Latin, Greek, Cyrillic and the general punctuation block lie below this; a flat table keeps their lookups
    // to an array index, which matters because every character of a paper passes through here.
    private const int TableSize = 0x2100;

    private readonly Dictionary<FontSpec, sbyte[]> _tables = [];
    private readonly Dictionary<(FontSpec, int), bool> _rest = [];
    private readonly HashSet<(FontSpec, int)> _reported = [];
    private readonly List<TypesetWarning> _missing = [];

    /// <summary>One <see cref="TypesetWarningCatalog.MissingGlyph"/> warning per character and font the document lacks.</summary>
    public List<TypesetWarning> Check(TypesetDocument document)
    {
        foreach (var sequence in document.Sequences)
            foreach (var block in sequence.Blocks)
                CheckBlock(block, block.SourceLine, withNotes: true);
        return _missing;
    }

    private void CheckBlock(FlowBlock block, int line, bool withNotes)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                if (paragraph.Marker is { } marker)
                    CheckText(marker.Style.Font, marker.Text, line);
                foreach (var inline in paragraph.Inlines)
                {
                    if (inline is TextRun run)
                        CheckText(run.Style.Font, run.Text, line);
                    else if (inline is FootnoteMark mark)
                    {
                        CheckText(mark.MarkStyle.Font, mark.Mark, line);
                        // A mark inside a note draws only its number: the typesetter sets no notes of notes.
                        if (withNotes)
                            foreach (var note in mark.Note)
                                CheckBlock(note, note.SourceLine, withNotes: false);
                    }
                }
                break;
            case TableBlock table:
                foreach (var cell in table.Rows.SelectMany(r => r.Cells))
                    foreach (var cellBlock in cell.Blocks)
                        CheckBlock(cellBlock, line, withNotes);
                break;
        }
    }

    private void CheckText(FontSpec font, string text, int line)
    {
        if (!_tables.TryGetValue(font, out var table))
            _tables[font] = table = new sbyte[TableSize];
        foreach (var rune in text.EnumerateRunes())
        {
            var codePoint = rune.Value;
            bool has;
            if (codePoint < TableSize)
            {
                if (table[codePoint] == 0)
                    table[codePoint] = (sbyte)(Has(font, rune) ? 1 : -1);
                has = table[codePoint] > 0;
            }
            else if (!_rest.TryGetValue((font, codePoint), out has))
                _rest[(font, codePoint)] = has = Has(font, rune);
            if (!has && _reported.Add((font, codePoint)))
                _missing.Add(new TypesetWarning(TypesetWarningCatalog.MissingGlyph.Code, FormattableString.Invariant(
                    $"The character U+{codePoint:X4} ({rune}) is not in the font {font}; it would print as an empty box. Replace it or choose a font that has it."),
                    line) { Font = font, CodePoint = codePoint });
        }
    }

    // Spaces and line separators are not drawn as glyphs.
    private bool Has(FontSpec font, Rune rune) => Rune.IsWhiteSpace(rune) || metrics.HasGlyph(font, rune.Value);
}
