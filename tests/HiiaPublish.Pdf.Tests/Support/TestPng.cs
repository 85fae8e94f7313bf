using System.IO.Compression;

namespace HiiaPublish.Pdf.Tests;

/// <summary>
/// The one PNG writer of these tests: known samples written as a PNG of any kind PNG defines, each stored row using
/// the next of PNG's five filters in turn (so a reader must undo each), Adam7-interlaced when asked, the zlib data split
/// over two IDAT chunks (so joining them is tested too), optionally cut short after some stored rows.
/// </summary>
internal static class TestPng
{
    /// <summary>The PNG file and its zlib data (the IDAT chunks joined).</summary>
    public static (byte[] Png, byte[] Idat) Encode(int[,,] samples, byte colourType, byte bitDepth, bool interlaced,
        byte[]? palette = null, byte[]? transparency = null, int? rowsWritten = null)
    {
        int height = samples.GetLength(0), width = samples.GetLength(1), channels = samples.GetLength(2);
        using var output = new MemoryStream();
        TestImages.PngSignatureAndHeader(output, width, height, colourType, bitDepth, interlaced);
        if (palette is not null) TestImages.PngChunk(output, "PLTE", palette);
        if (transparency is not null) TestImages.PngChunk(output, "tRNS", transparency);

        var bitsPerPixel = channels * bitDepth;
        var bytesPerPixel = Math.Max(1, bitsPerPixel / 8);
        using var raw = new MemoryStream();
        var written = 0;
        foreach (var pass in TestImages.PngPasses(width, height, interlaced))
        {
            var rowBytes = (pass.Columns * bitsPerPixel + 7) / 8;
            var previous = new byte[rowBytes];
            for (var r = 0; r < pass.Rows && written < (rowsWritten ?? int.MaxValue); r++, written++)
            {
                var row = new byte[rowBytes];
                for (var i = 0; i < pass.Columns; i++)
                    for (var c = 0; c < channels; c++)
                        Put(row, i * channels + c, bitDepth, samples[pass.Y0 + r * pass.Dy, pass.X0 + i * pass.Dx, c]);
                var filter = written % 5;
                raw.WriteByte((byte)filter);
                raw.Write(Filtered(row, previous, filter, bytesPerPixel));
                previous = row;
            }
        }
        byte[] idat;
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
                zlib.Write(raw.ToArray());
            idat = compressed.ToArray();
        }
        TestImages.PngChunk(output, "IDAT", idat[..(idat.Length / 2)]);
        TestImages.PngChunk(output, "IDAT", idat[(idat.Length / 2)..]);
        TestImages.PngChunk(output, "IEND", []);
        return (output.ToArray(), idat);
    }

    private static void Put(byte[] row, int sample, int bitDepth, int value)
    {
        if (bitDepth == 16) { row[2 * sample] = (byte)(value >> 8); row[2 * sample + 1] = (byte)value; return; }
        if (bitDepth == 8) { row[sample] = (byte)value; return; }
        var bit = sample * bitDepth;
        row[bit / 8] |= (byte)(value << (8 - bitDepth - bit % 8));
    }

    private static byte[] Filtered(byte[] row, byte[] previous, int filter, int bpp)
    {
        var result = new byte[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
            var predicted = filter switch
            {
                1 => a,
                2 => b,
                3 => (a + b) / 2,
                4 => Paeth(a, b, c),
                _ => 0,
            };
            result[i] = (byte)(row[i] - predicted);
        }
        return result;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
