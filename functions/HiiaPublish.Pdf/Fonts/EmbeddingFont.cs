using System.Buffers.Binary;
using System.Text;

namespace HiiaPublish.Pdf.Fonts;

/// <summary>
/// The bytes of a bundled face as PDFsharp should embed them: the same outlines, character map and advance widths,
/// without what a PDF viewer never uses. PDFsharp's subsetter copies the hinting programs (fpgm, prep, cvt), every
/// used glyph's TrueType instructions and the whole hmtx table (advance and side bearing of all ~3,300 glyphs) into
/// every subset; at reading sizes viewers rasterise unhinted (or auto-hint) anyway. Built once per face.
/// </summary>
/// <remarks>
/// What changes: the tables fpgm, prep, cvt, hdmx, LTSH, VDMX (hinting and device metrics) and DSIG (a signature
/// over bytes that no longer exist) are left out; each glyph's instructions are removed (its outline bytes stay
/// exactly as they were); maxp's instruction limits are zeroed; hmtx entries of glyphs that no character reaches
/// (neither through the character map nor as a part of a composite glyph) are zeroed, so the copy PDFsharp puts
/// into every subset compresses to almost nothing for them. A reachable glyph keeps its advance and side bearing,
/// so the widths in the PDF still match the font program (PDF/A), and the typesetter's metrics are unchanged.
/// </remarks>
internal static class EmbeddingFont
{
    private static readonly HashSet<string> Dropped =
        new(["fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX", "DSIG"], StringComparer.Ordinal);

    public static byte[] From(TrueTypeFont face)
    {
        var data = face.Data;
        var tables = ReadTables(data);
        var head = tables["head"].ToArray();
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) != 0;
        var maxp = tables["maxp"].ToArray();
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(maxp.AsSpan(4));
        var loca = tables["loca"];
        var glyf = tables["glyf"].Span;

        int Offset(int glyph) => longLoca
            ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.Span[(glyph * 4)..])
            : BinaryPrimitives.ReadUInt16BigEndian(loca.Span[(glyph * 2)..]) * 2;

        var newGlyf = new MemoryStream(glyf.Length);
        var newLoca = new byte[(glyphCount + 1) * 4];
        var reachable = face.MappedGlyphs();
        reachable.Add(0);
        var components = new List<ushort>();
        for (var g = 0; g < glyphCount; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(g * 4), (uint)newGlyf.Length);
            var start = Offset(g);
            var end = Offset(g + 1);
            if (end <= start)
                continue;
            WithoutInstructions(glyf[start..end], newGlyf, components);
            while (newGlyf.Length % 4 != 0)
                newGlyf.WriteByte(0);
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(glyphCount * 4), (uint)newGlyf.Length);
        AddComponents(reachable, glyf, Offset);

        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1); // loca is now always the long format
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0);   // checksumAdjustment, set below
        if (maxp.Length >= 32)
        {
            // maxZones 1 and no twilight points, storage, function or instruction definitions, stack or instructions.
            BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(14), 1);
            maxp.AsSpan(16, 10).Clear();
            maxp.AsSpan(26, 2).Clear();
        }

        var hmtx = tables["hmtx"].ToArray();
        var hhea = tables["hhea"].Span;
        var metrics = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);
        for (var g = 0; g < glyphCount; g++)
        {
            if (reachable.Contains((ushort)g))
                continue;
            if (g < metrics)
                hmtx.AsSpan(g * 4, 4).Clear();
            else if (metrics * 4 + (g - metrics) * 2 + 2 <= hmtx.Length)
                hmtx.AsSpan(metrics * 4 + (g - metrics) * 2, 2).Clear();
        }

        var replaced = new SortedDictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        foreach (var (tag, table) in tables)
        {
            if (Dropped.Contains(tag))
                continue;
            replaced[tag] = tag switch
            {
                "glyf" => newGlyf.ToArray(),
                "loca" => newLoca,
                "head" => head,
                "maxp" => maxp,
                "hmtx" => hmtx,
                _ => table,
            };
        }
        return Write(replaced);
    }

    // Writes the glyph without its instructions to output (when given) and lists the glyphs a composite one is made of.
    // A simple glyph: header, end points, instruction length and instructions, then flags and coordinates.
    // A composite one: header, components, and instructions after the last one when a flag says so.
    private static void WithoutInstructions(ReadOnlySpan<byte> glyph, MemoryStream? output, List<ushort> components)
    {
        var contours = BinaryPrimitives.ReadInt16BigEndian(glyph);
        if (contours >= 0)
        {
            var lengthAt = 10 + contours * 2;
            var instructions = BinaryPrimitives.ReadUInt16BigEndian(glyph[lengthAt..]);
            output?.Write(glyph[..lengthAt]);
            output?.Write([0, 0]);
            output?.Write(glyph[(lengthAt + 2 + instructions)..]);
            return;
        }

        var copy = glyph.ToArray();
        var at = 10;
        int flags, flagsAt;
        do
        {
            flagsAt = at;
            flags = BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(at));
            components.Add(BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(at + 2)));
            at += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
            if ((flags & 0x0008) != 0) at += 2;
            else if ((flags & 0x0040) != 0) at += 4;
            else if ((flags & 0x0080) != 0) at += 8;
        } while ((flags & 0x0020) != 0);
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(flagsAt), (ushort)(flags & ~0x0100)); // WE_HAVE_INSTRUCTIONS
        output?.Write(copy, 0, at);
    }

    // Glyphs drawn as parts of reachable composite glyphs (accented letters are often a base and an accent).
    private static void AddComponents(HashSet<ushort> reachable, ReadOnlySpan<byte> glyf, Func<int, int> offset)
    {
        var pending = new Stack<ushort>(reachable);
        var parts = new List<ushort>();
        while (pending.Count > 0)
        {
            var g = pending.Pop();
            var start = offset(g);
            if (offset(g + 1) <= start || BinaryPrimitives.ReadInt16BigEndian(glyf[start..]) >= 0)
                continue;
            parts.Clear();
            WithoutInstructions(glyf[start..offset(g + 1)], output: null, parts);
            foreach (var part in parts)
                if (reachable.Add(part))
                    pending.Push(part);
        }
    }

    private static Dictionary<string, ReadOnlyMemory<byte>> ReadTables(byte[] data)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(4));
        var tables = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + i * 16;
            var tag = Encoding.ASCII.GetString(data, record, 4);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(record + 8));
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(record + 12));
            tables[tag] = data.AsMemory(offset, length);
        }
        return tables;
    }

    // The OpenType table directory, tables in tag order on 4-byte boundaries, checksums and head's adjustment.
    private static byte[] Write(SortedDictionary<string, ReadOnlyMemory<byte>> tables)
    {
        var count = tables.Count;
        var selector = (int)Math.Floor(Math.Log2(count));
        var directory = 12 + 16 * count;
        var size = directory + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var font = new byte[size];
        BinaryPrimitives.WriteUInt32BigEndian(font, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(6), (ushort)((1 << selector) * 16));
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(8), (ushort)selector);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(10), (ushort)(count * 16 - (1 << selector) * 16));
        var at = directory;
        var record = 12;
        var headAt = -1;
        foreach (var (tag, table) in tables)
        {
            table.Span.CopyTo(font.AsSpan(at));
            Encoding.ASCII.GetBytes(tag, font.AsSpan(record, 4));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(record + 4), Checksum(font.AsSpan(at, (table.Length + 3) & ~3)));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(record + 8), (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(record + 12), (uint)table.Length);
            if (tag == "head") headAt = at;
            at += (table.Length + 3) & ~3;
            record += 16;
        }
        if (headAt >= 0)
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headAt + 8), unchecked(0xB1B0AFBA - Checksum(font)));
        return font;
    }

    private static uint Checksum(ReadOnlySpan<byte> bytes)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= bytes.Length; i += 4)
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(bytes[i..]));
        return sum;
    }
}
