using HiiaPublish.Typesetting.LineBreaking;

namespace HiiaPublish.Typesetting.Lines;

/// <summary>Where a paragraph's lines start and how wide they are.</summary>
internal readonly record struct LineGeometry(double FirstLeft, double RestLeft, LineWidths Widths)
{
    public double LeftOf(int lineIndex) => lineIndex == 0 ? FirstLeft : RestLeft;
}
