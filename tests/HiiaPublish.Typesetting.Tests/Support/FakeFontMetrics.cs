using HiiaPublish.Typesetting.Fonts;

namespace HiiaPublish.Typesetting.Tests.Support;

/// <summary>Every character is half the size wide (bold: 0.55); ascent 0.8, descent 0.2. Easy to compute by hand.</summary>
internal sealed class FakeFontMetrics(int missingCodePoint = 0x1F980) : IFontMetrics
{
    public const double Ascent = 0.8;
    public const double Descent = 0.2;

    public static readonly FakeFontMetrics Instance = new();

    public static double CharWidth(FontSpec font, double size) => (font.Bold ? 0.55 : 0.5) * size;

    public double MeasureWidth(FontSpec font, double size, ReadOnlySpan<char> text) => text.Length * CharWidth(font, size);

    public VerticalMetrics GetVerticalMetrics(FontSpec font) => new(Ascent, Descent);

    public bool HasGlyph(FontSpec font, int codePoint) => codePoint != missingCodePoint;
}
