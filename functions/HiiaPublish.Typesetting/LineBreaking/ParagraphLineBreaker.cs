using HiiaPublish.Typesetting.Inline;
using HiiaPublish.Typesetting.Model;

namespace HiiaPublish.Typesetting.LineBreaking;

/// <summary>
/// Chooses line breaks for a paragraph: optimum fit with a growing tolerance, then first-fit.
/// Ragged text (left, centred, right) uses the same optimum fit with fixed spaces and a stretchable line end,
/// as TeX's ragged right does: unlike first-fit, it evens out the line lengths and hyphenates only when that helps.
/// </summary>
internal static class ParagraphLineBreaker
{
    // Justified passes. 200 is TeX's \tolerance: spacing a reader does not notice. 2,000 accepts visibly loose
    // lines; 10,000 (TeX's "infinitely bad") any line that has glue to stretch. Only then does the last pass add
    // emergency stretch of a quarter of the measure to every line, so a paragraph with a line that cannot stretch
    // at all (an unhyphenatable word alone on it, a long URL) still gets evenly loose lines.
    private const double NormalTolerance = 200;
    private const double LooseTolerance = 2_000;
    private const double AnyTolerance = 10_000;
    private const double EmergencyStretchPerMeasure = 0.25;

    // Ragged lines may end up to two ems short at badness 100 (TeX's \raggedright uses a 2em right skip).
    private const double RaggedStretchEms = 2;

    public static List<int> Break(ParagraphItems paragraph, LineWidths widths, TextAlignment alignment, double emSize)
    {
        var items = paragraph.Items;
        var sums = new ItemSums(items);
        BreakPass[] passes = alignment == TextAlignment.Justify
            ? [new(NormalTolerance, 0), new(LooseTolerance, 0), new(AnyTolerance, 0), new(AnyTolerance, widths.Rest * EmergencyStretchPerMeasure)]
            : [new(LooseTolerance, RaggedStretchEms * emSize), new(AnyTolerance, widths.Rest)];
        foreach (var pass in passes)
        {
            if (KnuthPlassLineBreaker.TryBreak(items, sums, widths, pass) is { } breaks)
                return breaks;
        }
        return FirstFitLineBreaker.Break(items, widths);
    }
}
