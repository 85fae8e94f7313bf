using HiiaPublish.Typesetting.Output;
using PdfSharp.Drawing;
using static HiiaPublish.Pdf.Painting.TextSpacingRewriter;

namespace HiiaPublish.Pdf.Painting;

/// <summary>
/// Text is drawn a line at a time: the pieces of one line that share style and structure element become one
/// DrawString, each piece kept at its laid-out x by a TJ adjustment (<see cref="TextSpacingRewriter"/>).
/// PDFsharp's cost is per call, and a justified page has some 400 word pieces but 45 lines.
/// </summary>
internal sealed partial class PageElementPainter
{
    // TJ numbers are written with 3 decimals of a thousandth of an em: 1e-6 em, far below a device pixel.
    private const int AdjustmentDecimals = 3;

    /// <summary>The index after the last text element that joins the one at <paramref name="start"/> in one string.</summary>
    private int EndOfTextRun(IReadOnlyList<PageElement> elements, int start)
    {
        var first = (TextElement)elements[start];
        if (!CanJoin(first))
            return start + 1;
        var end = start + 1;
        while (end < elements.Count && elements[end] is TextElement next && CanJoin(next)
            && next.Baseline == first.Baseline
            && (ReferenceEquals(next.Style, first.Style) || next.Style.Equals(first.Style))
            && (ReferenceEquals(next.Structure, first.Structure) || next.Structure.Equals(first.Structure)))
            end++;
        return end;
    }

    // PDFsharp writes one glyph per UTF-16 unit for printable characters outside surrogate pairs; the
    // adjustments count on that, so anything else is drawn on its own, as before.
    private bool CanJoin(TextElement text) =>
        text.Text.Length > 0
        && !text.Text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')
        && !text.Text.AsSpan().ContainsAnyInRange('\0', '\u001F')
        && metrics.Covers(text.Style.Font);

    /// <summary>
    /// How the last glyph of a line reads when the word goes on at the next line. A hyphen the line break added reads
    /// as a soft hyphen (U+00AD), so extraction joins the word ("Hun-garian" → "Hungarian"); a real hyphen or a URL's
    /// last character reads as itself followed by a soft hyphen: the word goes on, and the character stays
    /// ("cross-border", where poppler would otherwise drop a line-final '-' as if the break had added it).
    /// </summary>
    private string? LastGlyphText(TextElement last) => last.End switch
    {
        _ when !CanJoin(last) => null,
        LineEnd.HyphenAdded when last.Text[^1] == '-' => "\u00AD",
        LineEnd.WordContinues when last.Text[^1] != ' ' => last.Text[^1] + "\u00AD",
        LineEnd.ForcedBreak when last.Text[^1] != ' ' => last.Text[^1] + " ",
        _ => null,
    };

    private void DrawTextRun(IReadOnlyList<PageElement> elements, int start, int end)
    {
        var first = (TextElement)elements[start];
        var style = first.Style;
        var font = resources.FontFor(style);
        var brush = resources.BrushFor(style.Color);
        var baseline = first.Baseline - style.BaselineShift;
        var lastGlyphText = LastGlyphText((TextElement)elements[end - 1]);

        if (end - start == 1)
        {
            if (first.Text.Length == 0)
                return;  // PDFsharp writes nothing for an empty string; nothing to record either
            gfx.DrawString(first.Text, font, brush, first.X, baseline, XStringFormats.BaseLineLeft);
            spacing.RecordPlain(lastGlyphText);
        }
        else
        {
            var texts = new string[end - start];
            var adjustments = new List<GlyphAdjustment>();
            var pen = first.X;   // where the viewer's pen stands after the glyphs written so far
            var glyphs = 0;
            for (var i = start; i < end; i++)
            {
                var piece = (TextElement)elements[i];
                texts[i - start] = piece.Text;
                if (i > start)
                {
                    var move = Math.Round((piece.X - pen) * 1000 / style.Size, AdjustmentDecimals);
                    if (move != 0)
                        adjustments.Add(new GlyphAdjustment(glyphs, move));
                    pen += move * style.Size / 1000;
                }
                pen += metrics.MeasureWidth(style.Font, style.Size, piece.Text);
                glyphs += piece.Text.Length;
            }
            gfx.DrawString(string.Concat(texts), font, brush, first.X, baseline, XStringFormats.BaseLineLeft);
            spacing.RecordAdjusted([.. adjustments], lastGlyphText);
        }

        if (style.Underline)
        {
            var y = baseline + style.Size * 0.12;  // a little below the baseline, clear of descenders' joins
            var underline = resources.PenFor(style.Color, style.Size * 0.05);
            for (var i = start; i < end; i++)
            {
                var piece = (TextElement)elements[i];
                gfx.DrawLine(underline, piece.X, y, piece.X + piece.Width, y);
            }
        }
    }
}
