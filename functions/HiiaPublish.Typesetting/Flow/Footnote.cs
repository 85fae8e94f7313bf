using HiiaPublish.Typesetting.Flow.Units;
using HiiaPublish.Typesetting.Model;

namespace HiiaPublish.Typesetting.Flow;

/// <summary>A footnote's content set at the page's content width, as units the footnote area stacks.</summary>
internal sealed class Footnote(FootnoteMark mark, List<FlowUnit> units)
{
    public FootnoteMark Mark { get; } = mark;
    public List<FlowUnit> Units { get; } = units;
    public double Height { get; } = HeightOf(units, 0, units.Count);

    /// <summary>Height of units [from, to): gaps count between units, not above the first.</summary>
    public static double HeightOf(List<FlowUnit> units, int from, int to)
    {
        var height = 0.0;
        for (var k = from; k < to; k++)
            height += (k > from ? units[k].GapBefore : 0) + units[k].Height;
        return height;
    }
}

/// <summary>The units [From, To) of a note placed on one page.</summary>
internal readonly record struct NotePart(Footnote Note, int From, int To)
{
    public double Height => Footnote.HeightOf(Note.Units, From, To);
    public bool IsComplete => To == Note.Units.Count;
}
