using HiiaPublish.Typesetting.Fonts;
using HiiaPublish.Typesetting.Model;

namespace HiiaPublish.Typesetting.Inline;

/// <summary>Measures text through <see cref="IFontMetrics"/> and remembers the widths asked for again and again.</summary>
internal sealed class TextMeasurer(IFontMetrics metrics)
{
    private readonly Dictionary<(FontSpec, double), double> _spaces = [];
    private readonly Dictionary<(FontSpec, double), double> _hyphens = [];

    public IFontMetrics Metrics => metrics;

    public double Width(TextStyle style, ReadOnlySpan<char> text) => metrics.MeasureWidth(style.Font, style.Size, text);

    public double SpaceWidth(TextStyle style) => Cached(_spaces, style, " ");

    public double HyphenWidth(TextStyle style) => Cached(_hyphens, style, "-");

    public double Ascent(TextStyle style) => metrics.GetVerticalMetrics(style.Font).AscentPerPoint * style.Size;

    public double Descent(TextStyle style) => metrics.GetVerticalMetrics(style.Font).DescentPerPoint * style.Size;

    private double Cached(Dictionary<(FontSpec, double), double> cache, TextStyle style, string text)
    {
        var key = (style.Font, style.Size);
        if (!cache.TryGetValue(key, out var width))
        {
            width = metrics.MeasureWidth(style.Font, style.Size, text);
            cache[key] = width;
        }
        return width;
    }
}
