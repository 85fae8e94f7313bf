using HiiaPublish.Typesetting.Inline;
using HiiaPublish.Typesetting.LineBreaking;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;

namespace HiiaPublish.Typesetting.Lines;

/// <summary>A paragraph set into lines, with the offset of each line's baseline below the line's top.</summary>
internal sealed record SetParagraph(List<ComposedLine> Lines, double BaselineOffset);

/// <summary>Sets one paragraph: items, breaks, composed lines, the list marker, warnings for over-wide words.</summary>
internal sealed class ParagraphSetter(TextMeasurer measurer, ParagraphItemBuilder itemBuilder, LineComposer composer)
{
    // Indents can leave a measure of nothing; a dozen points still holds a glyph or two per line, so
    // the paragraph comes out (ugly, and visibly so) instead of failing.
    private const double MinimumMeasure = 12;

    public SetParagraph Set(ParagraphBlock block, double left, double width, List<TypesetWarning> warnings)
    {
        var style = block.Style;
        // A marker hangs in a negative first-line indent, and the first line's text starts where the others do;
        // with a positive indent the marker sits in the indent instead.
        var firstOffset = block.Marker is not null && style.FirstLineIndent < 0 ? 0 : style.FirstLineIndent;
        var restLeft = left + style.LeftIndent;
        var restWidth = Math.Max(MinimumMeasure, width - style.LeftIndent - style.RightIndent);
        var firstWidth = Math.Max(MinimumMeasure, restWidth - firstOffset);
        var widths = new LineWidths(firstWidth, restWidth);

        var items = itemBuilder.Build(block.Inlines, style, widths.Narrowest);
        var breaks = ParagraphLineBreaker.Break(items, widths, style.Alignment, MainStyle(block)?.Size ?? style.Leading);
        var lines = composer.Compose(items, breaks, new LineGeometry(restLeft + firstOffset, restLeft, widths), style.Alignment);

        if (block.Marker is { } marker && lines.Count > 0)
        {
            var markerX = restLeft + Math.Min(0, style.FirstLineIndent);
            lines[0].Pieces.Insert(0, new LinePiece(markerX, marker.Text, marker.Style, measurer.Width(marker.Style, marker.Text), IsLabel: true));
        }
        foreach (var word in items.OverwideWords)
        {
            if (breaks.Exists(b => b > word.FirstItem && b < word.LastItem))
                warnings.Add(new TypesetWarning(TypesetWarningCatalog.OverwideWord.Code,
                    $"The word “{word.Preview}” is wider than the line and was broken at the character that overflows; add a space or a shorter form.",
                    block.SourceLine));
        }
        return new SetParagraph(lines, BaselineOffset(block, style.Leading));
    }

    /// <summary>
    /// Each line is a slot of the paragraph's leading; the text's ascent and descent sit centred in it (half of the
    /// spare leading above, half below), as CSS does. Every line of a paragraph then has the same baseline offset, so
    /// baselines keep an even rhythm and descenders never reach into the next block.
    /// </summary>
    private double BaselineOffset(ParagraphBlock block, double leading)
    {
        var main = MainStyle(block);
        if (main is null)
            return leading * 0.8;  // no text at all: the usual ascent share of a text face
        var ascent = measurer.Ascent(main);
        var descent = measurer.Descent(main);
        return (leading - ascent - descent) / 2 + ascent;
    }

    private static TextStyle? MainStyle(ParagraphBlock block)
    {
        TextStyle? main = null;
        foreach (var inline in block.Inlines)
        {
            if (inline is TextRun run && run.Style.BaselineShift == 0 && (main is null || run.Style.Size > main.Size))
                main = run.Style;
        }
        return main ?? block.Marker?.Style;
    }
}
