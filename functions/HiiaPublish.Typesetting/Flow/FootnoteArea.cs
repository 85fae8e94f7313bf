using HiiaPublish.Typesetting.Model;

namespace HiiaPublish.Typesetting.Flow;

/// <summary>Heights in the footnote area: the separator (gap, rule, gap) above the first note, a gap between notes.</summary>
internal sealed class FootnoteArea(FootnoteAreaStyle style)
{
    public FootnoteAreaStyle Style { get; } = style;
    public double Separator { get; } = Math.Max(0, style.GapAboveRule) + Math.Max(0, style.RuleThickness) + Math.Max(0, style.GapBelowRule);
    public double Between { get; } = Math.Max(0, style.GapBetweenNotes);

    /// <summary>What the area grows by when <paramref name="notes"/> join <paramref name="existing"/> parts, in full.</summary>
    public double Growth(int existing, IReadOnlyList<Footnote> notes)
    {
        var growth = 0.0;
        for (var k = 0; k < notes.Count; k++)
            growth += Lead(existing + k) + notes[k].Height;
        return growth;
    }

    /// <summary>The space above the part at <paramref name="position"/>: the separator for the first, a gap for the others.</summary>
    public double Lead(int position) => position == 0 ? Separator : Between;

    public double Height(IEnumerable<NotePart> parts)
    {
        var height = 0.0;
        var position = 0;
        foreach (var part in parts)
            height += Lead(position++) + part.Height;
        return height;
    }
}
