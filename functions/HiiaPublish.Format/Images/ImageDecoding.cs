using System.Buffers.Binary;
using System.IO.Compression;

namespace HiiaPublish.Format.Images;

/// <summary>What reading an image's bytes found: its pixel size, or the first byte where it is damaged and why.</summary>
internal sealed record ImageReading(int Width, int Height, long DamagedAt = -1, string? Damage = null, string? Unprintable = null)
{
    /// <summary>
    /// What the PDF writer holds for each pixel beyond the file itself (RenderCostEstimate): nothing for a JPEG (its
    /// file goes in as it is); for a PNG the rows it may read (Pdf's PngSoftMask and PngDownscale stream them, and a
    /// PNG that could pass through as it is is still read when it has more pixels than its placement shows: the check
    /// does not know the placement), and for an interlaced PNG its whole raw image besides, which Adam7's passes need
    /// put together.
    /// </summary>
    public double HeldBytesPerPixel { get; init; }

    public bool IsDamaged => Damage is not null;
    public long Pixels => (long)Width * Height;

    public static ImageReading Damaged(long at, string why) => new(0, 0, at, why);

    /// <summary>A sound image of a kind the PDF writer cannot print (a JPEG PDFsharp 6.2 cannot import; every PNG kind prints).</summary>
    public static ImageReading Unsupported(string kind) => new(0, 0, Unprintable: kind);
}

/// <summary>
/// Reads a PNG or JPEG at check time so a damaged file is the editor's error at upload, never a failing render later
/// (issue 15: a truncated PNG passed the signature check and failed five times in the worker). The header is read
/// first and <paramref name="maxPixels"/> decides before any pixel data is touched; only then is the data read through.
/// A PNG is read to the last byte: every chunk's CRC, the zlib stream inflated (through a small buffer, never held)
/// and its length and filter bytes matched against the header. A JPEG's markers and segments are walked to the end of
/// the image, and a baseline scan's entropy-coded data is Huffman-decoded block by block (no pixels are computed).
/// </summary>
internal static class ImageDecoding
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageReading ReadPng(byte[] data, long maxPixels)
    {
        var at = PngSignature.Length;
        int width = 0, height = 0, bitDepth = 0, colourType = 0, interlace = 0;
        var idat = new List<(int Offset, int Length)>();
        bool palette = false, end = false, idatClosed = false;
        while (!end)
        {
            if (at + 12 > data.Length) return ImageReading.Damaged(at, "the file ends before its last chunk (IEND)");
            var length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));
            if (length > int.MaxValue || at + 12 + (long)length > data.Length)
                return ImageReading.Damaged(at, "a chunk is longer than what is left of the file (the file is cut short)");
            var type = System.Text.Encoding.ASCII.GetString(data, at + 4, 4);
            var body = data.AsSpan(at + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at + 8 + (int)length));
            if (Crc32.Of(data.AsSpan(at + 4, 4 + (int)length)) != crc)
                return ImageReading.Damaged(at, $"the chunk '{Printable(type)}' fails its checksum");

            var first = width == 0;
            if (first && type != "IHDR") return ImageReading.Damaged(at, "the first chunk is not the header (IHDR)");
            switch (type)
            {
                case "IHDR":
                    if (!first || length != 13) return ImageReading.Damaged(at, "the header chunk (IHDR) is malformed");
                    width = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(body), int.MaxValue);
                    height = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(body[4..]), int.MaxValue);
                    (bitDepth, colourType, interlace) = (body[8], body[9], body[12]);
                    if (width == 0 || height == 0) return ImageReading.Damaged(at + 8, "the header gives a width or height of 0");
                    if (!ValidDepth(colourType, bitDepth) || body[10] != 0 || body[11] != 0 || interlace > 1)
                        return ImageReading.Damaged(at + 16, "the header names a colour type, depth or method PNG does not have");
                    if ((long)width * height > maxPixels) return new ImageReading(width, height);
                    // Every kind PNG defines is printed (Pdf's PngPassThrough, PngSoftMask, PngDownscale: the PDF writer
                    // reads PNG rows itself, PDFsharp decodes none), so none is refused as unprintable here any more.
                    break;
                case "tRNS":
                    // Transparency keeps an image off the pass-through: its mask is computed (PngSoftMask, PngDownscale).
                    // PNG gives it one grey sample (2 bytes), one RGB triple (6) or an alpha per palette entry, and none
                    // to kinds with an alpha channel; any other would leave the PDF writer guessing.
                    var fits = colourType switch { 0 => length == 2, 2 => length == 6, 3 => length is > 0 and <= 256, _ => false };
                    if (!fits) return ImageReading.Damaged(at, "the transparency chunk (tRNS) does not fit the image's colour type");
                    break;
                case "PLTE":
                    if (length == 0 || length % 3 != 0 || length > 3 * 256)
                        return ImageReading.Damaged(at, "the palette chunk (PLTE) is not 1 to 256 colours of 3 bytes");
                    palette = true;
                    break;
                case "IDAT":
                    if (idatClosed) return ImageReading.Damaged(at, "the image data (IDAT) is split by other chunks");
                    idat.Add((at + 8, (int)length));
                    break;
                case "IEND":
                    end = true;
                    break;
                default:
                    if (idat.Count > 0) idatClosed = true;
                    break;
            }
            at += 12 + (int)length;
        }
        if (colourType == 3 && !palette) return ImageReading.Damaged(at, "an indexed-colour image has no palette (PLTE)");
        if (idat.Count == 0) return ImageReading.Damaged(at, "the file has no image data (IDAT)");

        var offsets = RowStartsThenEnd(width, height, BitsPerPixel(colourType, bitDepth), interlace == 1);
        return InflatedMatches(data, idat, offsets) is { } damage
            ? ImageReading.Damaged(idat[0].Offset, damage)
            : new ImageReading(width, height)
            {
                HeldBytesPerPixel = RenderCostEstimate.BytesPerStreamedPixel
                    + (interlace == 1 ? RenderCostEstimate.InterlacedRawSampleFactor * BitsPerPixel(colourType, bitDepth) / 8.0 : 0),
            };
    }

    private static string Printable(string type) => new(type.Select(c => char.IsAsciiLetter(c) ? c : '?').ToArray());

    private static bool ValidDepth(int colourType, int bitDepth) => colourType switch
    {
        0 => bitDepth is 1 or 2 or 4 or 8 or 16,
        3 => bitDepth is 1 or 2 or 4 or 8,
        2 or 4 or 6 => bitDepth is 8 or 16,
        _ => false,
    };

    private static int BitsPerPixel(int colourType, int bitDepth) => bitDepth * colourType switch
    {
        2 => 3, 4 => 2, 6 => 4, _ => 1,
    };

    /// <summary>
    /// The offsets, in the inflated data, where a row starts with its filter byte (Adam7: seven passes, each a smaller
    /// image), and last the length the header promises.
    /// </summary>
    private static IEnumerable<long> RowStartsThenEnd(int width, int height, int bitsPerPixel, bool interlaced)
    {
        int[] x0 = interlaced ? [0, 4, 0, 2, 0, 1, 0] : [0], y0 = interlaced ? [0, 0, 4, 0, 2, 0, 1] : [0];
        int[] dx = interlaced ? [8, 8, 4, 4, 2, 2, 1] : [1], dy = interlaced ? [8, 8, 8, 4, 4, 2, 2] : [1];
        long offset = 0;
        for (var pass = 0; pass < x0.Length; pass++)
        {
            long columns = width > x0[pass] ? (width - x0[pass] + dx[pass] - 1) / dx[pass] : 0;
            long rows = height > y0[pass] ? (height - y0[pass] + dy[pass] - 1) / dy[pass] : 0;
            if (columns == 0) continue; // a pass with no pixels has no rows at all
            var rowBytes = 1 + (columns * bitsPerPixel + 7) / 8;
            for (long row = 0; row < rows; row++, offset += rowBytes) yield return offset;
        }
        yield return offset;
    }

    private static string? InflatedMatches(byte[] data, List<(int Offset, int Length)> idat, IEnumerable<long> rowStartsThenEnd)
    {
        using var offsets = rowStartsThenEnd.GetEnumerator();
        offsets.MoveNext();
        var next = offsets.Current;
        var atEnd = !offsets.MoveNext(); // `next` is a row start while another offset follows it
        var expected = atEnd ? next : -1;
        using var compressed = new ChunkStream(data, idat);
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        var buffer = new byte[64 * 1024];
        long inflated = 0;
        try
        {
            int read;
            while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
            {
                while (!atEnd && next < inflated + read)
                {
                    if (buffer[next - inflated] > 4) return "a row starts with a filter PNG does not have (the data is scrambled)";
                    next = offsets.Current;
                    atEnd = !offsets.MoveNext();
                    if (atEnd) expected = next;
                }
                inflated += read;
                if (atEnd && inflated > expected) return "the image data holds more than its header's width and height";
            }
        }
        catch (InvalidDataException)
        {
            return "the compressed image data is damaged";
        }
        return atEnd && inflated == expected ? null : "the image data ends before the last row (the file is cut short)";
    }

    /// <summary>The IDAT chunks' contents read as one stream, without copying them.</summary>
    private sealed class ChunkStream(byte[] data, List<(int Offset, int Length)> chunks) : Stream
    {
        private int _chunk;
        private int _inChunk;

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_chunk < chunks.Count && _inChunk == chunks[_chunk].Length) { _chunk++; _inChunk = 0; }
            if (_chunk == chunks.Count) return 0;
            var n = Math.Min(count, chunks[_chunk].Length - _inChunk);
            Buffer.BlockCopy(data, chunks[_chunk].Offset + _inChunk, buffer, offset, n);
            _inChunk += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static class Crc32
    {
        private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
        {
            var c = (uint)n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            return c;
        }).ToArray();

        public static uint Of(ReadOnlySpan<byte> bytes)
        {
            var c = 0xFFFFFFFFu;
            foreach (var b in bytes) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
            return c ^ 0xFFFFFFFFu;
        }
    }
}

/// <summary>
/// The check's full read of an image, for the renderer: it reads the files again when it sets the PDF, and a file
/// changed since the check (or a renderer called without it) must be an error there, never a failing PDF writer.
/// </summary>
public static class ImageFileCheck
{
    /// <summary>True when the bytes are a whole PNG or JPEG the PDF can hold, of at most <paramref name="maxPixels"/> pixels.</summary>
    public static bool IsPrintable(byte[] data, long maxPixels)
    {
        ImageReading reading;
        if (data.Length >= 8 && data[0] == 0x89 && data[1] == 0x50) reading = ImageDecoding.ReadPng(data, maxPixels);
        else if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8) reading = JpegReading.Read(data, maxPixels);
        else return false;
        return !reading.IsDamaged && reading.Unprintable is null && reading.Pixels is > 0 && reading.Pixels <= maxPixels;
    }
}
