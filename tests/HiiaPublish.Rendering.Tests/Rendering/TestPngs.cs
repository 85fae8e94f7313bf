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
        TestImages.PngSignatureAndHeader(output, width, height, colourType);
        if (palette is not null)
            TestImages.PngChunk(output, "PLTE", palette);
        TestImages.PngPixelsAndEnd(output, CompressionLevel.Fastest, rows =>
        {
            // Each row: filter type 0 (none), then the pixel repeated across the width.
            var row = new byte[1 + width * Math.Max(pixel.Length, 1)];
            for (var x = 0; x < width; x++)
            {
                if (palette is not null) row[1 + x] = (byte)(x / 8 % 2);
                else pixel.CopyTo(row, 1 + x * pixel.Length);
            }
            for (var y = 0; y < height; y++) rows.Write(row);
        });
        return output.ToArray();
    }
}
