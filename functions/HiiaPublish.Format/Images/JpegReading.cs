using System.Buffers.Binary;

namespace HiiaPublish.Format.Images;

/// <summary>
/// Walks a JPEG from its start to its end-of-image marker: every segment's length inside the file, one frame header,
/// Huffman tables that are well-formed, and each scan's entropy-coded data up to the next marker. A baseline or
/// extended sequential scan (Huffman; what cameras and image editors write) is decoded symbol by symbol, so garbage
/// after a real frame header is found (a code no table has, a block with more than 64 coefficients, too few blocks).
/// Progressive and arithmetic-coded scans are walked, not decoded.
/// </summary>
internal static class JpegReading
{
    public static ImageReading Read(byte[] data, long maxPixels)
    {
        var tables = new Dictionary<int, HuffmanTable>();
        Frame? frame = null;
        var restartInterval = 0;
        var scans = 0;
        // PDFsharp 6.2 imports a JPEG only when its first segment is a JFIF, Exif, ICC-profile or Photoshop header.
        if (!PrintableFirstSegment(data)) return ImageReading.Unsupported("a JPEG that starts without a JFIF or Exif header");
        var at = 2;
        while (true)
        {
            if (at >= data.Length) return ImageReading.Damaged(data.Length, "the file ends before its end-of-image marker (it is cut short)");
            if (data[at] != 0xFF) return ImageReading.Damaged(at, "a marker was expected here");
            while (at < data.Length && data[at] == 0xFF) at++;
            if (at >= data.Length) return ImageReading.Damaged(at, "the file ends inside a marker");
            var marker = data[at++];
            if (marker == 0xD9)
                return scans == 0 || frame is null ? ImageReading.Damaged(at - 2, "the image ends before any image data") : new ImageReading(frame.Width, frame.Height);
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) continue;
            if (marker is 0x00 or 0xD8 or (< 0xC0 and not 0x01)) return ImageReading.Damaged(at - 2, $"0xFF{marker:X2} is no JPEG marker");

            if (at + 2 > data.Length) return ImageReading.Damaged(at, "the file ends inside a segment's length");
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at));
            if (length < 2 || at + length > data.Length) return ImageReading.Damaged(at, "a segment is longer than what is left of the file (the file is cut short)");
            var segment = data.AsSpan(at + 2, length - 2);
            var segmentAt = at;
            at += length;

            switch (marker)
            {
                case 0xC4:
                    if (HuffmanTable.ReadAll(segment, tables) is { } badTable) return ImageReading.Damaged(segmentAt, badTable);
                    break;
                case 0xDD:
                    if (segment.Length != 2) return ImageReading.Damaged(segmentAt, "the restart interval segment is malformed");
                    restartInterval = BinaryPrimitives.ReadUInt16BigEndian(segment);
                    break;
                case >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC:
                    if (frame is not null) return ImageReading.Damaged(segmentAt, "the file has a second frame header");
                    frame = Frame.Read(segment, marker);
                    if (frame is null) return ImageReading.Damaged(segmentAt, "the frame header is malformed or gives a size of 0");
                    if (frame.Pixels > maxPixels) return new ImageReading(frame.Width, frame.Height);
                    if (frame.Unprintable is { } kind) return ImageReading.Unsupported(kind);
                    break;
                case 0xDA:
                    if (frame is null) return ImageReading.Damaged(segmentAt, "image data comes before the frame header");
                    var scanEnd = frame.Decodable
                        ? ScanDecoder.Decode(data, at, segment, frame, tables, restartInterval, out var damage)
                        : NextMarker(data, at, out damage);
                    if (damage is not null) return ImageReading.Damaged(scanEnd, damage);
                    scans++;
                    at = scanEnd;
                    break;
            }
        }
    }

    /// <summary>The offset of the next marker after entropy-coded data (stuffed 0xFF00 and restart markers belong to it).</summary>
    internal static int NextMarker(byte[] data, int at, out string? damage)
    {
        damage = null;
        for (var i = at; i + 1 < data.Length; i++)
            if (data[i] == 0xFF && data[i + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7) and not 0xFF) return i;
        damage = "the image data runs to the end of the file without an end-of-image marker (it is cut short)";
        return data.Length;
    }

    internal sealed record Component(int Id, int H, int V);

    private static bool PrintableFirstSegment(byte[] data)
    {
        if (data.Length < 18 || data[2] != 0xFF) return false;
        var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(4));
        var name = System.Text.Encoding.ASCII.GetString(data, 6, Math.Min(16, data.Length - 6));
        return data[3] switch
        {
            0xE0 => name.StartsWith("JFIF", StringComparison.Ordinal) && length >= 16,
            0xE1 => name.StartsWith("Exif\0\0MM", StringComparison.Ordinal) || name.StartsWith("Exif\0\0II", StringComparison.Ordinal),
            0xE2 => name.StartsWith("ICC_PROFILE\0", StringComparison.Ordinal),
            0xED => name.StartsWith("Photoshop ", StringComparison.Ordinal) || name.StartsWith("Adobe_Photoshop", StringComparison.Ordinal),
            _ => false,
        };
    }

    internal sealed record Frame(int Width, int Height, IReadOnlyList<Component> Components, bool Decodable, string? Unprintable)
    {
        public long Pixels => (long)Width * Height;
        public int MaxH => Components.Max(c => c.H);
        public int MaxV => Components.Max(c => c.V);

        public static Frame? Read(ReadOnlySpan<byte> segment, byte marker)
        {
            if (segment.Length < 6) return null;
            int height = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]), width = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
            var count = segment[5];
            if (width == 0 || height == 0 || count is 0 or > 4 || segment.Length != 6 + 3 * count) return null;
            var components = new List<Component>();
            for (var i = 0; i < count; i++)
            {
                int h = segment[7 + 3 * i] >> 4, v = segment[7 + 3 * i] & 15;
                if (h is 0 or > 4 || v is 0 or > 4) return null;
                components.Add(new Component(segment[6 + 3 * i], h, v));
            }
            // PDF's DCT filter takes 8-bit samples in one, three or four components; PDFsharp imports frames C0–C3 and C9–CB.
            var unprintable = segment[0] != 8 ? $"a JPEG of {segment[0]} bits per sample"
                : count == 2 ? "a JPEG of two colour components"
                : marker is not ((>= 0xC0 and <= 0xC3) or (>= 0xC9 and <= 0xCB)) ? "a hierarchical or lossless JPEG"
                : null;
            // Baseline (C0) and extended sequential (C1) Huffman scans are decoded; the others are walked.
            return new Frame(width, height, components, marker is 0xC0 or 0xC1, unprintable);
        }
    }

    /// <summary>One Huffman table as JPEG's canonical codes: for each code length, the largest code and where its values start.</summary>
    internal sealed class HuffmanTable
    {
        private readonly int[] _maxCode = new int[18];
        private readonly int[] _valueOffset = new int[17];
        private readonly byte[] _values;

        private HuffmanTable(ReadOnlySpan<byte> counts, byte[] values)
        {
            _values = values;
            int code = 0, k = 0;
            for (var length = 1; length <= 16; length++)
            {
                _valueOffset[length] = k - code;
                code += counts[length - 1];
                k += counts[length - 1];
                _maxCode[length] = counts[length - 1] == 0 ? -1 : code - 1;
                code <<= 1;
            }
            _maxCode[17] = int.MaxValue;
        }

        /// <summary>Reads every table of a DHT segment into <paramref name="tables"/> (key: class × 4 + id); the damage, or null.</summary>
        public static string? ReadAll(ReadOnlySpan<byte> segment, Dictionary<int, HuffmanTable> tables)
        {
            var at = 0;
            while (at < segment.Length)
            {
                if (at + 17 > segment.Length) return "a Huffman table is cut short";
                int tableClass = segment[at] >> 4, id = segment[at] & 15;
                if (tableClass > 1 || id > 3) return "a Huffman table has a class or number JPEG does not have";
                var counts = segment.Slice(at + 1, 16);
                var total = 0;
                foreach (var count in counts) total += count;
                if (total > 256 || at + 17 + total > segment.Length) return "a Huffman table holds more codes than its segment";
                // Each length can hold at most twice the codes left over by the shorter ones.
                long room = 1;
                foreach (var count in counts)
                {
                    room = room * 2 - count;
                    if (room < 0) return "a Huffman table has more codes than its lengths allow";
                }
                tables[tableClass * 4 + id] = new HuffmanTable(counts, segment.Slice(at + 17, total).ToArray());
                at += 17 + total;
            }
            return null;
        }

        /// <summary>The next symbol, or -1 when the bits are no code of this table.</summary>
        public int Decode(ref BitReader bits)
        {
            var code = bits.Bit();
            var length = 1;
            while (code > _maxCode[length])
            {
                if (length == 16 || bits.Failed) return -1;
                code = (code << 1) | bits.Bit();
                length++;
            }
            var index = _valueOffset[length] + code;
            return bits.Failed || index < 0 || index >= _values.Length ? -1 : _values[index];
        }
    }

    /// <summary>Bits of entropy-coded data, unstuffing 0xFF00; stops (Failed) at any marker.</summary>
    internal ref struct BitReader(byte[] data, int at)
    {
        private int _bits;
        private int _count;

        public int Position { get; private set; } = at;
        public bool Failed { get; private set; }

        public int Bit()
        {
            if (_count == 0)
            {
                if (Position >= data.Length || (data[Position] == 0xFF && (Position + 1 >= data.Length || data[Position + 1] != 0x00)))
                {
                    Failed = true;
                    return 0;
                }
                _bits = data[Position];
                Position += data[Position] == 0xFF ? 2 : 1;
                _count = 8;
            }
            _count--;
            return (_bits >> _count) & 1;
        }

        public void Skip(int n)
        {
            for (var i = 0; i < n && !Failed; i++) Bit();
        }

        /// <summary>Drops the rest of the byte, then expects the restart marker RSTn.</summary>
        public bool Restart(int n)
        {
            _count = 0;
            if (Position + 1 < data.Length && data[Position] == 0xFF && data[Position + 1] == 0xD0 + n)
            {
                Position += 2;
                return true;
            }
            return false;
        }
    }

    private static class ScanDecoder
    {
        /// <summary>Decodes every block of one scan; the offset where the data ends (the next marker), and the damage or null.</summary>
        public static int Decode(byte[] data, int at, ReadOnlySpan<byte> header, Frame frame, Dictionary<int, HuffmanTable> tables,
            int restartInterval, out string? damage)
        {
            damage = null;
            if (header.Length < 1 || header.Length != 4 + 2 * header[0] || header[0] is 0 or > 4)
            {
                damage = "a scan header is malformed";
                return at;
            }
            var scan = new List<(Component Component, HuffmanTable Dc, HuffmanTable Ac)>();
            for (var i = 0; i < header[0]; i++)
            {
                var id = header[1 + 2 * i];
                var component = frame.Components.FirstOrDefault(c => c.Id == id);
                if (component is null || !tables.TryGetValue(header[2 + 2 * i] >> 4, out var dc) || !tables.TryGetValue(4 + (header[2 + 2 * i] & 15), out var ac))
                {
                    damage = "a scan names a component or Huffman table the file does not define";
                    return at;
                }
                scan.Add((component, dc, ac));
            }

            // One component alone is coded block by block over its own size; several, interleaved by MCU.
            long mcus;
            if (scan.Count == 1)
            {
                var c = scan[0].Component;
                var width = (frame.Width * (long)c.H + frame.MaxH - 1) / frame.MaxH;
                var height = (frame.Height * (long)c.V + frame.MaxV - 1) / frame.MaxV;
                mcus = ((width + 7) / 8) * ((height + 7) / 8);
            }
            else mcus = ((frame.Width + 8L * frame.MaxH - 1) / (8L * frame.MaxH)) * ((frame.Height + 8L * frame.MaxV - 1) / (8L * frame.MaxV));

            var bits = new BitReader(data, at);
            var restarts = 0;
            for (long mcu = 0; mcu < mcus; mcu++)
            {
                if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0)
                {
                    if (!bits.Restart(restarts++ & 7))
                    {
                        damage = "a restart marker is missing (the data is scrambled or cut short)";
                        return bits.Position;
                    }
                    bits = new BitReader(data, bits.Position);
                }
                foreach (var (component, dc, ac) in scan)
                    for (long block = 0; block < (scan.Count == 1 ? 1 : (long)component.H * component.V); block++)
                        if (Block(ref bits, dc, ac) is { } bad)
                        {
                            damage = bits.Failed ? "the image data ends before its last block (the file is cut short or scrambled)" : bad;
                            return bits.Position;
                        }
            }
            return NextMarker(data, bits.Position, out damage);
        }

        private static string? Block(ref BitReader bits, HuffmanTable dc, HuffmanTable ac)
        {
            var size = dc.Decode(ref bits);
            if (size is < 0 or > 11) return "the image data holds a code its Huffman tables do not have";
            bits.Skip(size);
            for (var k = 1; k < 64;)
            {
                var symbol = ac.Decode(ref bits);
                if (symbol < 0) return "the image data holds a code its Huffman tables do not have";
                int run = symbol >> 4, bitsOfValue = symbol & 15;
                if (bitsOfValue == 0)
                {
                    if (run != 15) break; // end of block
                    k += 16;
                    continue;
                }
                k += run;
                if (k > 63) return "a block of the image holds more than 64 values";
                bits.Skip(bitsOfValue);
                k++;
            }
            if (bits.Failed) return "cut short";
            return null;
        }
    }
}
