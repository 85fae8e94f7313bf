namespace HiiaPublish.Typesetting.Fonts;

/// <summary>
/// The only way the typesetter learns about fonts. Widths must be those the painter will use
/// when it draws (advance widths, no kerning), or justified lines will not meet the margin.
/// Implementations are immutable and safe to share between threads.
/// </summary>
public interface IFontMetrics
{
    /// <summary>Advance width of <paramref name="text"/> at <paramref name="size"/> points.</summary>
    double MeasureWidth(FontSpec font, double size, ReadOnlySpan<char> text);

    /// <summary>Ascender (positive, above the baseline) and descender (positive, below it) per point of size.</summary>
    VerticalMetrics GetVerticalMetrics(FontSpec font);

    bool HasGlyph(FontSpec font, int codePoint);
}

public readonly record struct VerticalMetrics(double AscentPerPoint, double DescentPerPoint);
