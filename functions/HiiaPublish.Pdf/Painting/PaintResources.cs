using HiiaPublish.Typesetting.Fonts;
using HiiaPublish.Typesetting.Model;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace HiiaPublish.Pdf.Painting;

/// <summary>
/// The fonts, brushes and pens of one document, made once each. A paper draws thousands of pieces of text
/// in a dozen styles; making a brush and hashing a style's family name for each piece showed in profiles.
/// </summary>
internal sealed class PaintResources
{
    private readonly Dictionary<(FontSpec Font, double Size), XFont> _fonts = [];
    private readonly Dictionary<Color, XSolidBrush> _brushes = [];
    private readonly Dictionary<(Color Color, double Thickness), XPen> _pens = [];
    private TextStyle? _lastStyle;
    private XFont? _lastFont;

    public XFont FontFor(TextStyle style)
    {
        // Neighbouring pieces of text nearly always share one style object.
        if (ReferenceEquals(style, _lastStyle))
            return _lastFont!;
        var key = (style.Font, style.Size);
        if (!_fonts.TryGetValue(key, out var font))
        {
            var fontStyle = (style.Font.Bold, style.Font.Italic) switch
            {
                (true, true) => XFontStyleEx.BoldItalic,
                (true, false) => XFontStyleEx.Bold,
                (false, true) => XFontStyleEx.Italic,
                _ => XFontStyleEx.Regular,
            };
            font = new XFont(style.Font.Family, style.Size, fontStyle, new XPdfFontOptions(PdfFontEncoding.Unicode));
            _fonts[key] = font;
        }
        _lastStyle = style;
        _lastFont = font;
        return font;
    }

    public XSolidBrush BrushFor(Color color)
    {
        if (!_brushes.TryGetValue(color, out var brush))
            _brushes[color] = brush = new XSolidBrush(ToXColor(color));
        return brush;
    }

    public XPen PenFor(Color color, double thickness)
    {
        if (!_pens.TryGetValue((color, thickness), out var pen))
            _pens[(color, thickness)] = pen = new XPen(ToXColor(color), thickness);
        return pen;
    }

    private static XColor ToXColor(Color color) => XColor.FromArgb(color.R, color.G, color.B);
}
