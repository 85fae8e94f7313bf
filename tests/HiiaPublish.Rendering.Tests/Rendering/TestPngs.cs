using System.Buffers.Binary;
using System.IO.Compression;

namespace HiiaPublish.Rendering.Tests;

/// <summary>Flat-coloured PNGs of any size, made here: filtered rows of one value compress to almost nothing.</summary>
internal static class TestPngs
{
    /// <summary>8-bit greyscale, every pixel <paramref name="grey"/>.</summary>
    public static byte[] Grey(int width, int height, byte grey) => Png(width, height, colourType: 0, [grey]);

    /// <summary>8-bit RGB with alpha, every pixel (<paramref name="r"/>, <paramref name="g"/>, <paramref name="b"/>, <paramref name="alpha"/>).</summary>
    public static byte[] Rgba(int width, int height, byte r, byte g, byte b, byte alpha) =>
        Png(width, height, colourType: 6, [r, g, b, alpha]);

    /// <summary>8-bit palette of two colours, in vertical stripes eight pixels wide.</summary>
    public static byte[] Striped(int width, int height, byte[] firstRgb, byte[] secondRgb) =>
        Png(width, height, colourType: 3, [], [.. firstRgb, .. secondRgb]);

    private static byte[] Png(int width, int height, byte colourType, byte[] pixel, byte[]? palette = null)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = colourType;
        TestImages.PngChunk(output, "IHDR", header);
        if (palette is not null)
            TestImages.PngChunk(output, "PLTE", palette);
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
            {
                // Each row: filter type 0 (none), then the pixel repeated across the width.
                var row = new byte[1 + width * Math.Max(pixel.Length, 1)];
                for (var x = 0; x < width; x++)
                {
                    if (palette is not null) row[1 + x] = (byte)(x / 8 % 2);
                    else pixel.CopyTo(row, 1 + x * pixel.Length);
                }
                for (var y = 0; y < height; y++) zlib.Write(row);
            }
            TestImages.PngChunk(output, "IDAT", pixels.ToArray());
        }
        TestImages.PngChunk(output, "IEND", []);
        return output.ToArray();
    }
}
