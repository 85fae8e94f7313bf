using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace HiiaPublish.Testing;

/// <summary>
/// Real, tiny PNG and JPEG files made here, for drafts under test: since issue 15 the parser reads every image to its
/// last byte, so a signature followed by nothing is a damaged image, not a stand-in.
/// </summary>
public static class TestImages
{
    /// <summary>8-bit greyscale PNG, every pixel <paramref name="grey"/>.</summary>
    public static byte[] Png(int width = 4, int height = 3, byte grey = 0x80)
    {
        using var output = new MemoryStream();
        PngSignatureAndHeader(output, width, height, colourType: 0);
        PngPixelsAndEnd(output, CompressionLevel.Fastest, rows =>
        {
            var row = new byte[1 + width];
            Array.Fill(row, grey, 1, width);
            for (var y = 0; y < height; y++) rows.Write(row);
        });
        return output.ToArray();
    }

    /// <summary>
    /// Any PNG the format allows: colour type, bit depth, Adam7 interlacing; pixels from <paramref name="seed"/>, rows
    /// unfiltered; a palette of 256 entries for type 3 (indices may use all of them).
    /// </summary>
    public static byte[] PngVariant(int width, int height, byte colourType, byte bitDepth, bool interlaced, int seed = 1)
    {
        var random = new Random(seed);
        var channels = colourType switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 };
        var bitsPerPixel = channels * bitDepth;
        using var output = new MemoryStream();
        PngSignatureAndHeader(output, width, height, colourType, bitDepth, interlaced);
        if (colourType == 3)
        {
            var palette = new byte[3 * (1 << Math.Min((int)bitDepth, 8))];
            random.NextBytes(palette);
            PngChunk(output, "PLTE", palette);
        }
        PngPixelsAndEnd(output, CompressionLevel.Fastest, rows =>
        {
            foreach (var pass in PngPasses(width, height, interlaced))
            {
                var row = new byte[1 + (pass.Columns * bitsPerPixel + 7) / 8];
                for (var y = 0; y < pass.Rows; y++)
                {
                    random.NextBytes(row);
                    row[0] = 0;
                    rows.Write(row);
                }
            }
        });
        return output.ToArray();
    }

    /// <summary>A header alone, claiming <paramref name="width"/> × <paramref name="height"/>: what an attacker sends.</summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        using var output = new MemoryStream();
        PngSignatureAndHeader(output, width, height, colourType: 2);
        return output.ToArray();
    }

    /// <summary>Writes a PNG's signature and its IHDR chunk (8 bits a sample and no interlacing unless asked): the start of every hand-made PNG.</summary>
    public static void PngSignatureAndHeader(Stream output, int width, int height, byte colourType, byte bitDepth = 8, bool interlaced = false)
    {
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colourType;
        header[12] = (byte)(interlaced ? 1 : 0); // compression and filter method (10, 11) are always 0
        PngChunk(output, "IHDR", header);
    }

    /// <summary>
    /// Writes the image data as one IDAT chunk (the rows <paramref name="writeRows"/> writes, each starting with its
    /// filter byte, compressed at <paramref name="level"/>), then IEND: the end of every hand-made PNG with one IDAT.
    /// </summary>
    public static void PngPixelsAndEnd(Stream output, CompressionLevel level, Action<Stream> writeRows)
    {
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, level, leaveOpen: true))
                writeRows(zlib);
            PngChunk(output, "IDAT", pixels.ToArray());
        }
        PngChunk(output, "IEND", []);
    }

    /// <summary>
    /// The passes a PNG stores its rows in, in order: the whole image once, or Adam7's seven sub-images when
    /// interlaced. A pass with no columns stores nothing (not even filter bytes) and is left out; one with columns but
    /// no rows is listed with Rows = 0.
    /// </summary>
    public static IEnumerable<PngPass> PngPasses(int width, int height, bool interlaced)
    {
        int[] x0 = interlaced ? [0, 4, 0, 2, 0, 1, 0] : [0], y0 = interlaced ? [0, 0, 4, 0, 2, 0, 1] : [0];
        int[] dx = interlaced ? [8, 8, 4, 4, 2, 2, 1] : [1], dy = interlaced ? [8, 8, 8, 4, 4, 2, 2] : [1];
        for (var pass = 0; pass < x0.Length; pass++)
        {
            var columns = width > x0[pass] ? (width - x0[pass] + dx[pass] - 1) / dx[pass] : 0;
            var rows = height > y0[pass] ? (height - y0[pass] + dy[pass] - 1) / dy[pass] : 0;
            if (columns > 0) yield return new PngPass(x0[pass], y0[pass], dx[pass], dy[pass], columns, rows);
        }
    }

    /// <summary>
    /// A baseline greyscale JPEG of mid-grey: one quantisation table, a DC and an AC Huffman table of one code each
    /// ("0": difference 0, end of block), so every 8 × 8 block is two bits.
    /// </summary>
    public static byte[] Jpeg(int width = 16, int height = 8)
    {
        using var output = new MemoryStream();
        output.Write([0xFF, 0xD8]);
        JpegSegment(output, 0xE0, [.. "JFIF"u8, 0, 1, 2, 0, 0, 1, 0, 1, 0, 0]);
        JpegSegment(output, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        JpegSegment(output, 0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);
        byte[] oneCode = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        JpegSegment(output, 0xC4, [0x00, .. oneCode, 0x10, .. oneCode]);
        JpegSegment(output, 0xDA, [1, 1, 0x00, 0, 63, 0]);
        var blocks = (long)((width + 7) / 8) * ((height + 7) / 8);
        var bits = blocks * 2;
        var bytes = (int)((bits + 7) / 8);
        var data = new byte[bytes];
        // All code bits are 0; the last byte's unused bits are padded with 1s, as encoders do.
        var padding = (int)(bytes * 8 - bits);
        if (padding > 0) data[^1] = (byte)((1 << padding) - 1);
        output.Write(data);
        output.Write([0xFF, 0xD9]);
        return output.ToArray();
    }

    private static void JpegSegment(Stream output, byte marker, byte[] body)
    {
        output.Write([0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2)]);
        output.Write(body);
    }

    /// <summary>Writes one PNG chunk: length, type, data and the CRC over type and data.</summary>
    public static void PngChunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}

/// <summary>
/// One pass of a PNG's rows: its pixels are those at (<see cref="X0"/> + i·<see cref="Dx"/>, <see cref="Y0"/> + r·<see cref="Dy"/>)
/// for i below <see cref="Columns"/> and r below <see cref="Rows"/>.
/// </summary>
public readonly record struct PngPass(int X0, int Y0, int Dx, int Dy, int Columns, int Rows);
