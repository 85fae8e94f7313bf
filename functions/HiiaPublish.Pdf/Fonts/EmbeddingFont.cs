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
    // Hinting and device metrics, and DSIG: a signature over bytes that no longer exist.
    private static bool IsDropped(string tag) => tag is "fpgm" or "prep" or "cvt " or "hdmx" or "LTSH" or "VDMX" or "DSIG";

    // Arrays and plain loops throughout, not hash sets and sorted dictionaries: this runs once per face on a fresh
    // `hiia render`, where each generic collection over a value type costs JIT time that ReadyToRun does not save.
    public static byte[] From(TrueTypeFont face)
    {
        var data = face.Data;
        var tables = FontTables.Read(data);
        var head = tables.Get("head").ToArray();
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) != 0;
        var maxp = tables.Get("maxp").ToArray();
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(maxp.AsSpan(4));
        var loca = tables.Get("loca");
        var glyf = tables.Get("glyf").Span;

        int Offset(int glyph) => longLoca
            ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.Span[(glyph * 4)..])
            : BinaryPrimitives.ReadUInt16BigEndian(loca.Span[(glyph * 2)..]) * 2;

        var newGlyf = new MemoryStream(glyf.Length);
        var newLoca = new byte[(glyphCount + 1) * 4];
        var reachable = face.MappedGlyphs(glyphCount);
        if (glyphCount > 0) reachable[0] = true;
        var components = new List<int>();
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

        var hmtx = tables.Get("hmtx").ToArray();
        var hhea = tables.Get("hhea").Span;
        var metrics = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);
        for (var g = 0; g < glyphCount; g++)
        {
            if (reachable[g])
                continue;
            if (g < metrics)
                hmtx.AsSpan(g * 4, 4).Clear();
            else if (metrics * 4 + (g - metrics) * 2 + 2 <= hmtx.Length)
                hmtx.AsSpan(metrics * 4 + (g - metrics) * 2, 2).Clear();
        }

        var kept = new FontTables(tables.Count);
        for (var i = 0; i < tables.Count; i++)
        {
            var tag = tables.Tags[i];
            if (IsDropped(tag))
                continue;
            kept.Set(tag, tag switch
            {
                "glyf" => newGlyf.ToArray(),
                "loca" => newLoca,
                "head" => head,
                "maxp" => maxp,
                "hmtx" => hmtx,
                _ => tables.Bodies[i],
            });
        }
        return Write(kept);
    }

    // Writes the glyph without its instructions to output (when given) and lists the glyphs a composite one is made of.
    // A simple glyph: header, end points, instruction length and instructions, then flags and coordinates.
    // A composite one: header, components, and instructions after the last one when a flag says so.
    private static void WithoutInstructions(ReadOnlySpan<byte> glyph, MemoryStream? output, List<int> components)
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
    private static void AddComponents(bool[] reachable, ReadOnlySpan<byte> glyf, Func<int, int> offset)
    {
        var pending = new List<int>();
        for (var g = 0; g < reachable.Length; g++)
            if (reachable[g]) pending.Add(g);
        var parts = new List<int>();
        while (pending.Count > 0)
        {
            var g = pending[^1];
            pending.RemoveAt(pending.Count - 1);
            var start = offset(g);
            if (offset(g + 1) <= start || BinaryPrimitives.ReadInt16BigEndian(glyf[start..]) >= 0)
                continue;
            parts.Clear();
            WithoutInstructions(glyf[start..offset(g + 1)], output: null, parts);
            foreach (var part in parts)
            {
                // A part past the glyph count would be a broken font; there is no outline to keep for it.
                if (part < reachable.Length && !reachable[part])
                {
                    reachable[part] = true;
                    pending.Add(part);
                }
            }
        }
    }

    // The OpenType table directory, tables in tag order on 4-byte boundaries, checksums and head's adjustment.
    private static byte[] Write(FontTables tables)
    {
        tables.SortByTag();
        var count = tables.Count;
        var selector = (int)Math.Floor(Math.Log2(count));
        var directory = 12 + 16 * count;
        var size = directory;
        for (var i = 0; i < count; i++)
            size += (tables.Bodies[i].Length + 3) & ~3;
        var font = new byte[size];
        BinaryPrimitives.WriteUInt32BigEndian(font, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(6), (ushort)((1 << selector) * 16));
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(8), (ushort)selector);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(10), (ushort)(count * 16 - (1 << selector) * 16));
        var at = directory;
        var record = 12;
        var headAt = -1;
        for (var i = 0; i < count; i++)
        {
            var (tag, table) = (tables.Tags[i], tables.Bodies[i]);
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

    /// <summary>A font's tables by tag, in two parallel arrays; a tag given twice keeps its last body.</summary>
    private sealed class FontTables(int capacity)
    {
        public string[] Tags { get; } = new string[capacity];
        public ReadOnlyMemory<byte>[] Bodies { get; } = new ReadOnlyMemory<byte>[capacity];
        public int Count { get; private set; }

        public static FontTables Read(byte[] data)
        {
            var count = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(4));
            var tables = new FontTables(count);
            for (var i = 0; i < count; i++)
            {
                var record = 12 + i * 16;
                var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(record + 8));
                var length = (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(record + 12));
                tables.Set(Encoding.ASCII.GetString(data, record, 4), data.AsMemory(offset, length));
            }
            return tables;
        }

        public void Set(string tag, ReadOnlyMemory<byte> body)
        {
            var at = Array.IndexOf(Tags, tag, 0, Count);
            if (at < 0)
            {
                at = Count++;
                Tags[at] = tag;
            }
            Bodies[at] = body;
        }

        public ReadOnlyMemory<byte> Get(string tag)
        {
            var at = Array.IndexOf(Tags, tag, 0, Count);
            return at >= 0 ? Bodies[at] : throw new KeyNotFoundException($"The font has no '{tag}' table.");
        }

        // Insertion sort by ordinal tag: a font has about twenty tables.
        public void SortByTag()
        {
            for (var i = 1; i < Count; i++)
            {
                var (tag, body) = (Tags[i], Bodies[i]);
                var j = i - 1;
                for (; j >= 0 && string.CompareOrdinal(Tags[j], tag) > 0; j--)
                {
                    Tags[j + 1] = Tags[j];
                    Bodies[j + 1] = Bodies[j];
                }
                Tags[j + 1] = tag;
                Bodies[j + 1] = body;
            }
        }
    }
}
