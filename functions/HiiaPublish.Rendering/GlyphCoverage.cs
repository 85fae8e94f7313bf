using System.Text;
using HiiaPublish.Pdf.Fonts;
using HiiaPublish.Typesetting.Model;

namespace HiiaPublish.Rendering;

/// <summary>
/// Before anything is drawn: every character of every run must exist in the face it is set in, or the
/// reader would see an empty box. Each missing character is reported once, with the line it first appears on.
/// </summary>
internal static class GlyphCoverage
{
    public static void Check(TypesetDocument document, TrueTypeFontMetrics metrics, RenderContext context)
    {
        var reported = new HashSet<(string Face, int CodePoint)>();
        foreach (var sequence in document.Sequences)
            foreach (var block in sequence.Blocks)
                CheckBlock(block, block.SourceLine, metrics, context, reported);
    }

    private static void CheckBlock(FlowBlock block, int line, TrueTypeFontMetrics metrics, RenderContext context, HashSet<(string, int)> reported)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                if (paragraph.Marker is { } marker) CheckRun(marker, line, metrics, context, reported);
                foreach (var inline in paragraph.Inlines)
                {
                    if (inline is TextRun run) CheckRun(run, line, metrics, context, reported);
                    else if (inline is FootnoteMark mark)
                        foreach (var note in mark.Note) CheckBlock(note, note.SourceLine, metrics, context, reported);
                }
                break;
            case TableBlock table:
                foreach (var cell in table.Rows.SelectMany(r => r.Cells))
                    foreach (var cellBlock in cell.Blocks) CheckBlock(cellBlock, line, metrics, context, reported);
                break;
        }
    }

    private static void CheckRun(TextRun run, int line, TrueTypeFontMetrics metrics, RenderContext context, HashSet<(string, int)> reported)
    {
        if (metrics.DrawsAll(run.Style.Font, run.Text))
            return;
        foreach (var rune in run.Text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || metrics.HasGlyph(run.Style.Font, rune.Value))
                continue;
            if (!reported.Add((run.Style.Font.ToString(), rune.Value)))
                continue;
            context.Report(RenderDiagnosticCatalog.MissingGlyph, line, rune.ToString(), rune.Value, run.Style.Font);
        }
    }
}
