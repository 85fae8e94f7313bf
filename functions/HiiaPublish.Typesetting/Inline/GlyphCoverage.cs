using System.Text;
using HiiaPublish.Typesetting.Fonts;

namespace HiiaPublish.Typesetting.Inline;

/// <summary>
/// Remembers which characters each font can draw, asking <see cref="IFontMetrics.HasGlyph"/> once per character
/// and font, and reports each missing one once per layout.
/// </summary>
internal sealed class GlyphCoverage(IFontMetrics metrics)
{
    // Latin, Greek, Cyrillic and the general punctuation block lie below this; a flat table keeps their lookups
    // to an array index, which matters because every character of a paper passes through here.
    private const int TableSize = 0x2100;

    private readonly Dictionary<FontSpec, sbyte[]> _tables = [];
    private readonly Dictionary<(FontSpec, int), bool> _rest = [];
    private readonly HashSet<(FontSpec, int)> _reported = [];

    /// <summary>Adds to <paramref name="missing"/> each character of <paramref name="text"/> the font lacks and that was not reported before.</summary>
    public void Check(FontSpec font, ReadOnlySpan<char> text, List<(FontSpec Font, int CodePoint)> missing)
    {
        if (!_tables.TryGetValue(font, out var table))
            _tables[font] = table = new sbyte[TableSize];
        foreach (var rune in text.EnumerateRunes())
        {
            var codePoint = rune.Value;
            if (codePoint < TableSize)
            {
                if (table[codePoint] == 0)
                    table[codePoint] = (sbyte)(Has(font, rune) ? 1 : -1);
                if (table[codePoint] < 0 && _reported.Add((font, codePoint)))
                    missing.Add((font, codePoint));
            }
            else if (!_rest.TryGetValue((font, codePoint), out var has))
            {
                _rest[(font, codePoint)] = has = Has(font, rune);
                if (!has && _reported.Add((font, codePoint)))
                    missing.Add((font, codePoint));
            }
        }
    }

    // Spaces and line separators are not drawn as glyphs.
    private bool Has(FontSpec font, Rune rune) => Rune.IsWhiteSpace(rune) || metrics.HasGlyph(font, rune.Value);
}
