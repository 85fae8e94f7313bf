using HiiaPublish.Typesetting.Fonts;
using HiiaPublish.Typesetting.Model;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

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
    private readonly Dictionary<EncodedImage, XImage> _placeholders = [];
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

    /// <summary>
    /// A one-pixel stand-in to draw where <paramref name="image"/> goes: PDFsharp writes the placement, the tags and
    /// the resource entry for it as for any image, cheaply, and <see cref="FillImages"/> then puts the real pixels in.
    /// </summary>
    public XImage PlaceholderFor(EncodedImage image)
    {
        if (!_placeholders.TryGetValue(image, out var placeholder))
        {
            // PDFsharp shares one image object between identical images, so each placeholder's pixel is its own colour.
            using var pixel = new MemoryStream(OnePixelBitmap(_placeholders.Count + 1), writable: false);
            _placeholders[image] = placeholder = XImage.FromStream(pixel);
        }
        return placeholder;
    }

    /// <summary>Gives every image object drawn from a placeholder its image's entries and compressed pixels.</summary>
    public void FillImages(PdfDocument document)
    {
        if (_placeholders.Count == 0)
            return;
        var imageOf = _placeholders.ToDictionary(p => p.Value, p => p.Key);
        foreach (var item in document.Internals.GetAllObjects())
        {
            if (item is PdfImage drawn && drawn.Image is { } placeholder && imageOf.TryGetValue(placeholder, out var image))
                image.CopyInto(drawn);
        }
    }

    /// <summary>A 1×1, 24-bit Windows bitmap whose one pixel holds <paramref name="colour"/> (file header, info header, pixel).</summary>
    private static byte[] OnePixelBitmap(int colour) =>
    [
        (byte)'B', (byte)'M', 58, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0,
        40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 24, 0, 0, 0, 0, 0, 4, 0, 0, 0,
        0x13, 0x0B, 0, 0, 0x13, 0x0B, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        (byte)colour, (byte)(colour >> 8), (byte)(colour >> 16), 0,
    ];

    private static XColor ToXColor(Color color) => XColor.FromArgb(color.R, color.G, color.B);
}
