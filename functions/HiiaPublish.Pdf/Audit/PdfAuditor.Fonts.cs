using System.Buffers.Binary;
using UglyToad.PdfPig.Tokens;

namespace HiiaPublish.Pdf.Audit;

public sealed partial class PdfAuditor
{
    private sealed partial class AuditRun
    {
        private sealed record FontUse(DictionaryToken Font, string? Ref, int Page, string Name);

        /// <summary>Every font the pages use, from their resources and (recursively) their form XObjects' resources.</summary>
        private List<FontUse> CollectFonts()
        {
            var fonts = new List<FontUse>();
            var seenFonts = new HashSet<DictionaryToken>(ReferenceEqualityComparer.Instance);
            var seenResources = new HashSet<DictionaryToken>(ReferenceEqualityComparer.Instance);
            void Resources(DictionaryToken? resources, int page, int depth)
            {
                if (resources is null || depth > 16 || !seenResources.Add(resources)) return;
                if (_pdf.Dict(resources, "Font") is { } fontDict)
                    foreach (var (name, token) in fontDict.Data)
                        if (_pdf.AsDict(token) is { } font && seenFonts.Add(font))
                            fonts.Add(new FontUse(font, token is IndirectReferenceToken r ? PdfObjects.Show(r.Data) : null, page, _pdf.Name(font, "BaseFont") ?? name));
                if (_pdf.Dict(resources, "XObject") is { } xobjects)
                    foreach (var (_, token) in xobjects.Data)
                        if (_pdf.AsDict(token) is { } xobject && _pdf.Name(xobject, "Subtype") == "Form")
                            Resources(_pdf.Dict(xobject, "Resources"), page, depth + 1);
            }
            for (var i = 0; i < _pages.Count; i++)
                Resources(_pdf.AsDict(_pdf.Inherited(_pages[i].Dict, "Resources")), i + 1, 0);
            return fonts;
        }

        private IEnumerable<AuditCheck> Fonts()
        {
            var embedded = new Rule("pdfa-fonts-embedded", "Every font is embedded (PDF/A-2 6.2.11.4.1)");
            var unicode = new Rule("10-001", "Every font maps its character codes to Unicode: a ToUnicode CMap or a standard encoding (PDF/A-2 6.2.11.7, PDF/UA-1 7.21.7)");
            var cidSet = new Rule("pdfa-cidset", "A CIDSet, where present, names every glyph the embedded font program holds (PDF/A-2 6.2.11.4.2)");
            foreach (var use in CollectFonts())
            {
                var subtype = _pdf.Name(use.Font, "Subtype");
                if (subtype == "Type3") continue; // glyphs are content streams; nothing to embed, Unicode checked below is moot
                var descendant = subtype == "Type0" ? _pdf.Array(use.Font, "DescendantFonts").Select(_pdf.AsDict).FirstOrDefault() : null;
                var descriptor = _pdf.Dict(descendant ?? use.Font, "FontDescriptor");
                embedded.Examined();
                unicode.Examined();
                var program = _pdf.Get(descriptor, "FontFile") ?? _pdf.Get(descriptor, "FontFile2") ?? _pdf.Get(descriptor, "FontFile3");
                if (program is not StreamToken) embedded.Fail($"The font {use.Name} is not embedded (its descriptor has no FontFile, FontFile2 or FontFile3).", use.Page, use.Ref);

                if (!PdfObjects.Has(use.Font, "ToUnicode"))
                {
                    var encoding = _pdf.Get(use.Font, "Encoding");
                    var standard = encoding is NameToken n ? n.Data : encoding is DictionaryToken d ? _pdf.Name(d, "BaseEncoding") : null;
                    var symbolic = ((_pdf.Int(descriptor, "Flags") ?? 0) & 4) != 0;
                    if (subtype == "Type0" || standard is not ("WinAnsiEncoding" or "MacRomanEncoding" or "StandardEncoding") || symbolic)
                        unicode.Fail($"The font {use.Name} has no ToUnicode CMap and no standard encoding, so its text cannot be mapped to Unicode.", use.Page, use.Ref);
                }

                if (descendant is not null && _pdf.Get(descriptor, "CIDSet") is StreamToken set)
                {
                    cidSet.Examined();
                    if (CidSetProblem(descendant, program as StreamToken, set) is { } problem)
                        cidSet.Fail($"The font {use.Name}: {problem}", use.Page, PdfObjects.Show(PdfObjects.RefOf(descriptor, "CIDSet")));
                }
            }
            return [embedded.ToCheck(), unicode.ToCheck(), cidSet.ToCheck()];
        }

        /// <summary>
        /// For a TrueType CID font with the identity CID-to-glyph map (what PDF writers embed, ours included): every
        /// glyph with an outline must have its bit in the CIDSet, and no bit may name a glyph beyond the font's count.
        /// Other font programs are not checked (said in docs/accessibility.md).
        /// </summary>
        private string? CidSetProblem(DictionaryToken cidFont, StreamToken? program, StreamToken set)
        {
            if (program is null || _pdf.Name(cidFont, "CIDToGIDMap") is not (null or "Identity")) return null;
            var bits = _pdf.Decode(set);
            var font = program is null ? null : _pdf.Decode(program);
            if (bits is null || font is null || !TrueTypeGlyphs(font, out var glyphCount, out var hasOutline)) return null;
            bool Bit(int cid) => cid / 8 < bits.Length && (bits[cid / 8] & (0x80 >> (cid % 8))) != 0;
            for (var gid = 1; gid < glyphCount; gid++)
                if (hasOutline(gid) && !Bit(gid)) return $"glyph {gid} is in the font program but not in its CIDSet.";
            for (var cid = glyphCount; cid < bits.Length * 8; cid++)
                if (Bit(cid)) return $"the CIDSet names CID {cid}, but the font program has only {glyphCount} glyphs.";
            return null;
        }

        /// <summary>The glyph count (maxp) and which glyphs have outline data (loca), read from a TrueType font program.</summary>
        private static bool TrueTypeGlyphs(byte[] font, out int glyphCount, out Func<int, bool> hasOutline)
        {
            glyphCount = 0;
            hasOutline = _ => false;
            if (font.Length < 12) return false;
            var tables = new Dictionary<string, (int Offset, int Length)>();
            var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
            for (var i = 0; i < count && 12 + 16 * i + 16 <= font.Length; i++)
            {
                var entry = font.AsSpan(12 + 16 * i, 16);
                var tag = System.Text.Encoding.ASCII.GetString(entry[..4]);
                tables[tag] = ((int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]));
            }
            if (!tables.TryGetValue("maxp", out var maxp) || !tables.TryGetValue("head", out var head) || !tables.TryGetValue("loca", out var loca)
                || maxp.Offset + 6 > font.Length || head.Offset + 52 > font.Length) return false;
            var glyphs = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(maxp.Offset + 4));
            var longOffsets = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(head.Offset + 50)) == 1;
            var entrySize = longOffsets ? 4 : 2;
            if (loca.Offset + (glyphs + 1) * entrySize > font.Length) return false;
            long Offset(int gid) => longOffsets
                ? BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(loca.Offset + gid * 4))
                : BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(loca.Offset + gid * 2)) * 2L;
            glyphCount = glyphs;
            hasOutline = gid => gid < glyphs && Offset(gid + 1) > Offset(gid);
            return true;
        }
    }
}
