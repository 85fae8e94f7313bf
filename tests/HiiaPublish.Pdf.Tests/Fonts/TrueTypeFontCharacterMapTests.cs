using System.Buffers.Binary;
using HiiaPublish.Pdf.Fonts;

namespace HiiaPublish.Pdf.Tests.Fonts;

/// <summary>
/// Characters beyond U+FFFF (a format 12 character map) are looked up in sorted arrays, not a dictionary (for a
/// faster start): the same glyphs, also when a font's groups are out of order or map a character twice.
/// </summary>
public class TrueTypeFontCharacterMapTests
{
    [Fact]
    public void AstralCharacters_FindTheirGlyphs_AndOthersFindNone()
    {
        var font = TrueTypeFont.Parse(FontWithGroups((0x41, 0x43, 1), (0x1F600, 0x1F602, 10), (0x20000, 0x20000, 20)), "test.ttf");

        Assert.Equal(1, font.GlyphOf('A'));
        Assert.Equal(3, font.GlyphOf('C'));
        Assert.Equal(10, font.GlyphOf(0x1F600));
        Assert.Equal(12, font.GlyphOf(0x1F602));
        Assert.Equal(20, font.GlyphOf(0x20000));
        foreach (var missing in new[] { 0x1F5FF, 0x1F603, 0x1FFFF, 0x20001, 0x10FFFF })
            Assert.Equal(0, font.GlyphOf(missing));
        Assert.Equal([false, true, true, true, false, false, false, false, false, false, true, true, true], font.MappedGlyphs(13)[..13]);
    }

    [Fact]
    public void GroupsOutOfOrder_OrMappingACharacterTwice_ReadAsADictionaryWould_TheLaterWins()
    {
        var font = TrueTypeFont.Parse(FontWithGroups((0x20000, 0x20001, 30), (0x1F600, 0x1F601, 10), (0x20001, 0x20001, 40)), "test.ttf");

        Assert.Equal(10, font.GlyphOf(0x1F600));
        Assert.Equal(11, font.GlyphOf(0x1F601));
        Assert.Equal(30, font.GlyphOf(0x20000));
        Assert.Equal(40, font.GlyphOf(0x20001));
        Assert.False(font.MappedGlyphs(50)[31]);
        Assert.True(font.MappedGlyphs(50)[40]);
    }

    // The five tables TrueTypeFont reads, with a format 12 (full Unicode) character map of the given groups.
    private static byte[] FontWithGroups(params (int Start, int End, int Glyph)[] groups)
    {
        const int glyphCount = 64;
        var head = new byte[54];
        BinaryPrimitives.WriteUInt16BigEndian(head.AsSpan(18), 1000);
        var hhea = new byte[36];
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), glyphCount);
        var hmtx = new byte[glyphCount * 4];
        var maxp = new byte[6];
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), glyphCount);
        var cmap = new byte[12 + 16 + groups.Length * 12];
        BinaryPrimitives.WriteUInt16BigEndian(cmap.AsSpan(2), 1);        // one subtable
        BinaryPrimitives.WriteUInt16BigEndian(cmap.AsSpan(4), 3);        // Windows
        BinaryPrimitives.WriteUInt16BigEndian(cmap.AsSpan(6), 10);       // full Unicode
        BinaryPrimitives.WriteUInt32BigEndian(cmap.AsSpan(8), 12);
        BinaryPrimitives.WriteUInt16BigEndian(cmap.AsSpan(12), 12);      // format 12
        BinaryPrimitives.WriteUInt32BigEndian(cmap.AsSpan(24), (uint)groups.Length);
        for (var i = 0; i < groups.Length; i++)
        {
            var at = 28 + i * 12;
            BinaryPrimitives.WriteUInt32BigEndian(cmap.AsSpan(at), (uint)groups[i].Start);
            BinaryPrimitives.WriteUInt32BigEndian(cmap.AsSpan(at + 4), (uint)groups[i].End);
            BinaryPrimitives.WriteUInt32BigEndian(cmap.AsSpan(at + 8), (uint)groups[i].Glyph);
        }

        (string Tag, byte[] Body)[] tables = [("cmap", cmap), ("head", head), ("hhea", hhea), ("hmtx", hmtx), ("maxp", maxp)];
        var directory = new byte[12 + 16 * tables.Length];
        BinaryPrimitives.WriteUInt16BigEndian(directory.AsSpan(4), (ushort)tables.Length);
        for (var i = 0; i < tables.Length; i++)
        {
            var record = 12 + i * 16;
            System.Text.Encoding.ASCII.GetBytes(tables[i].Tag, directory.AsSpan(record, 4));
            BinaryPrimitives.WriteUInt32BigEndian(directory.AsSpan(record + 8), (uint)(directory.Length + tables.Take(i).Sum(t => t.Body.Length)));
            BinaryPrimitives.WriteUInt32BigEndian(directory.AsSpan(record + 12), (uint)tables[i].Body.Length);
        }
        return [.. directory, .. tables.SelectMany(t => t.Body)];
    }
}
