using System.Buffers.Binary;

namespace HiiaPublish.Pdf.Fonts;

/// <summary>
/// The few tables of a TrueType file the typesetter needs: units per em, ascender and descender, the
/// character map and advance widths. Read once per face; lookups allocate nothing.
/// </summary>
internal sealed class TrueTypeFont
{
    private readonly ushort[] _bmpGlyphs;                 // code point → glyph for U+0000..U+FFFF (0 = missing)
    // Code points above U+FFFF and their glyphs, sorted by code point: arrays rather than a Dictionary<int, ushort>,
    // whose code (a generic over value types) is JIT-compiled on every fresh start despite ReadyToRun.
    private readonly int[] _astralCodes;
    private readonly ushort[] _astralGlyphs;
    private readonly ushort[] _advances;                   // glyph → advance width in font units

    private TrueTypeFont(byte[] data, ushort unitsPerEm, short ascender, short descender,
        ushort[] bmpGlyphs, int[] astralCodes, ushort[] astralGlyphs, ushort[] advances)
    {
        Data = data;
        UnitsPerEm = unitsPerEm;
        Ascender = ascender;
        Descender = descender;
        _bmpGlyphs = bmpGlyphs;
        _astralCodes = astralCodes;
        _astralGlyphs = astralGlyphs;
        _advances = advances;
    }

    public byte[] Data { get; }
    public ushort UnitsPerEm { get; }
    public short Ascender { get; }
    public short Descender { get; }

    public ushort GlyphOf(int codePoint) =>
        codePoint is >= 0 and <= 0xFFFF ? _bmpGlyphs[codePoint]
        : AstralGlyphOf(codePoint);

    private ushort AstralGlyphOf(int codePoint)
    {
        int low = 0, high = _astralCodes.Length - 1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var code = _astralCodes[middle];
            if (code == codePoint) return _astralGlyphs[middle];
            if (code < codePoint) low = middle + 1;
            else high = middle - 1;
        }
        return 0;
    }

    /// <summary>
    /// Which of the first <paramref name="glyphCount"/> glyphs some character maps to (glyph 0, "missing", only if a
    /// character maps to it, which none does). An array, not a set: it is filled from all 65,536 BMP entries once per
    /// face on a fresh render's path, and a set of them cost several times as much.
    /// </summary>
    public bool[] MappedGlyphs(int glyphCount)
    {
        var mapped = new bool[glyphCount];
        foreach (var glyph in _bmpGlyphs)
            if (glyph < glyphCount) mapped[glyph] = true;
        foreach (var glyph in _astralGlyphs)
            if (glyph < glyphCount) mapped[glyph] = true;
        if (glyphCount > 0) mapped[0] = false;
        return mapped;
    }

    public ushort AdvanceOf(ushort glyph) => _advances[Math.Min(glyph, _advances.Length - 1)];

    public static TrueTypeFont Parse(byte[] data, string name)
    {
        var tables = ReadTableDirectory(data, name);
        var head = Table(tables, "head", name);
        var hhea = Table(tables, "hhea", name);
        var hmtx = Table(tables, "hmtx", name);
        var maxp = Table(tables, "maxp", name);
        var cmap = Table(tables, "cmap", name);

        var unitsPerEm = U16(data, head + 18);
        var ascender = (short)U16(data, hhea + 4);
        var descender = (short)U16(data, hhea + 6);
        var numberOfHMetrics = U16(data, hhea + 34);
        var numGlyphs = U16(data, maxp + 4);

        // Glyphs past numberOfHMetrics repeat the last advance (monospaced tails), per the hmtx spec.
        var advances = new ushort[Math.Max(numGlyphs, numberOfHMetrics)];
        for (var g = 0; g < advances.Length; g++)
            advances[g] = g < numberOfHMetrics ? U16(data, hmtx + g * 4) : advances[numberOfHMetrics - 1];

        var bmp = new ushort[0x10000];
        var astral = new AstralMap();
        ReadCharacterMap(data, cmap, bmp, astral, name);
        var (astralCodes, astralGlyphs) = astral.Sorted();
        return new TrueTypeFont(data, unitsPerEm, ascender, descender, bmp, astralCodes, astralGlyphs, advances);
    }

    private static Dictionary<string, int> ReadTableDirectory(byte[] data, string name)
    {
        if (data.Length < 12) throw new InvalidDataException($"{name} is too short to be a TrueType font.");
        var count = U16(data, 4);
        var tables = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + i * 16;
            var tag = System.Text.Encoding.ASCII.GetString(data, record, 4);
            tables[tag] = (int)U32(data, record + 8);
        }
        return tables;
    }

    private static int Table(Dictionary<string, int> tables, string tag, string name) =>
        tables.TryGetValue(tag, out var offset) ? offset : throw new InvalidDataException($"{name} has no '{tag}' table.");

    // Prefers a full-Unicode subtable (format 12), else the BMP one (format 4).
    private static void ReadCharacterMap(byte[] data, int cmap, ushort[] bmp, AstralMap astral, string name)
    {
        var count = U16(data, cmap + 2);
        int format4 = -1, format12 = -1;
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + i * 8;
            var platform = U16(data, record);
            var encoding = U16(data, record + 2);
            var subtable = cmap + (int)U32(data, record + 4);
            var format = U16(data, subtable);
            var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            if (!unicode) continue;
            if (format == 12) format12 = subtable;
            else if (format == 4 && format4 < 0) format4 = subtable;
        }

        if (format12 >= 0) ReadFormat12(data, format12, bmp, astral);
        else if (format4 >= 0) ReadFormat4(data, format4, bmp);
        else throw new InvalidDataException($"{name} has no Unicode character map.");
    }

    private static void ReadFormat4(byte[] data, int table, ushort[] bmp)
    {
        var segCount = U16(data, table + 6) / 2;
        var endCodes = table + 14;
        var startCodes = endCodes + segCount * 2 + 2;
        var idDeltas = startCodes + segCount * 2;
        var idRangeOffsets = idDeltas + segCount * 2;
        for (var s = 0; s < segCount; s++)
        {
            int end = U16(data, endCodes + s * 2), start = U16(data, startCodes + s * 2);
            var delta = (short)U16(data, idDeltas + s * 2);
            var rangeOffsetAt = idRangeOffsets + s * 2;
            var rangeOffset = U16(data, rangeOffsetAt);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0) glyph = (c + delta) & 0xFFFF;
                else
                {
                    var at = rangeOffsetAt + rangeOffset + (c - start) * 2;
                    glyph = at + 1 < data.Length ? U16(data, at) : 0;
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                bmp[c] = (ushort)glyph;
            }
        }
    }

    private static void ReadFormat12(byte[] data, int table, ushort[] bmp, AstralMap astral)
    {
        var groups = U32(data, table + 12);
        for (var g = 0; g < groups; g++)
        {
            var group = table + 16 + g * 12;
            var start = (int)U32(data, group);
            var end = (int)U32(data, group + 4);
            var glyph = (int)U32(data, group + 8);
            for (var c = start; c <= end; c++, glyph++)
            {
                if (c <= 0xFFFF) bmp[c] = (ushort)glyph;
                else astral.Set(c, (ushort)glyph);
            }
        }
    }

    private static ushort U16(byte[] data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(offset, 2));
    private static uint U32(byte[] data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset, 4));

    // Collects code point → glyph above U+FFFF as the character map gives them; a code point mapped twice keeps
    // the last glyph, as a dictionary would.
    private sealed class AstralMap
    {
        private readonly List<int> _codes = [];
        private readonly List<int> _glyphs = []; // List<int>, whose code CoreLib already has precompiled
        private bool _sorted = true;

        public void Set(int codePoint, ushort glyph)
        {
            if (_codes.Count > 0 && _codes[^1] >= codePoint) _sorted = false;
            _codes.Add(codePoint);
            _glyphs.Add(glyph);
        }

        public (int[] Codes, ushort[] Glyphs) Sorted()
        {
            var codes = _codes.ToArray();
            var glyphs = new ushort[_glyphs.Count];
            for (var i = 0; i < glyphs.Length; i++) glyphs[i] = (ushort)_glyphs[i];
            if (_sorted) return (codes, glyphs);
            // Format 12 groups are sorted by the spec; a font that breaks that is put in order here, the later wins.
            var order = new int[codes.Length];
            for (var i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(order, (a, b) => codes[a] != codes[b] ? codes[a].CompareTo(codes[b]) : a.CompareTo(b));
            var keptCodes = new List<int>();
            var keptGlyphs = new List<int>();
            foreach (var i in order)
            {
                if (keptCodes.Count > 0 && keptCodes[^1] == codes[i]) keptGlyphs[^1] = glyphs[i];
                else { keptCodes.Add(codes[i]); keptGlyphs.Add(glyphs[i]); }
            }
            var sortedGlyphs = new ushort[keptGlyphs.Count];
            for (var i = 0; i < sortedGlyphs.Length; i++) sortedGlyphs[i] = (ushort)keptGlyphs[i];
            return (keptCodes.ToArray(), sortedGlyphs);
        }
    }
}
