using System.Text;
using HiiaPublish.Typesetting.Fonts;

namespace HiiaPublish.Pdf.Fonts;

/// <summary>
/// Widths straight from the fonts' hmtx tables: the same advances PDFsharp uses when it draws (it does not
/// kern), so a justified line measured here meets the margin when painted.
/// </summary>
public sealed class TrueTypeFontMetrics(FontCatalog catalog) : IFontMetrics
{
    // The typesetter measures word after word in one face; the last face asked for is kept (an immutable
    // pair swapped whole, so threads sharing these metrics never see a face paired with another's spec).
    private sealed record FaceOfSpec(FontSpec Spec, TrueTypeFont Face);
    private FaceOfSpec? _last;

    public double MeasureWidth(FontSpec font, double size, ReadOnlySpan<char> text)
    {
        var face = FaceOf(font);
        long units = 0;
        foreach (var rune in text.EnumerateRunes())
            units += face.AdvanceOf(face.GlyphOf(rune.Value));
        return units * size / face.UnitsPerEm;
    }

    private TrueTypeFont FaceOf(FontSpec font)
    {
        var last = _last;
        if (last is not null && last.Spec == font)
            return last.Face;
        var face = catalog.Face(font);
        _last = new FaceOfSpec(font, face);
        return face;
    }

    /// <summary>Whether <paramref name="font"/> is one of the bundled faces (and so can be measured).</summary>
    public bool Covers(FontSpec font) => catalog.Find(font) is not null;

    public VerticalMetrics GetVerticalMetrics(FontSpec font)
    {
        var face = FaceOf(font);
        return new VerticalMetrics((double)face.Ascender / face.UnitsPerEm, -(double)face.Descender / face.UnitsPerEm);
    }

    public bool HasGlyph(FontSpec font, int codePoint) =>
        catalog.Find(font) is { } face && (face.GlyphOf(codePoint) != 0 || IsInvisibleControl(codePoint));

    // Characters that never need a glyph of their own.
    private static bool IsInvisibleControl(int codePoint) => codePoint is '\n' or '\r' or '\t' or 0xAD or 0x200B;

    /// <summary>The characters of <paramref name="text"/> that <paramref name="font"/> cannot draw, once each.</summary>
    public IReadOnlyList<Rune> MissingGlyphs(FontSpec font, string text)
    {
        var missing = new List<Rune>();
        foreach (var rune in text.EnumerateRunes())
            if (!HasGlyph(font, rune.Value) && !missing.Contains(rune))
                missing.Add(rune);
        return missing;
    }
}
