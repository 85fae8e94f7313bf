namespace HiiaPublish.Typesetting.LineBreaking;

/// <summary>The measure of a paragraph's lines: the first may differ (indent), all others are equal.</summary>
internal readonly record struct LineWidths(double First, double Rest)
{
    public double For(int lineIndex) => lineIndex == 0 ? First : Rest;
    public double Narrowest => Math.Min(First, Rest);
}
