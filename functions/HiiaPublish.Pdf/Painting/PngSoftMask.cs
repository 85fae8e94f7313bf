using System.IO.Compression;

namespace HiiaPublish.Pdf.Painting;

/// <summary>
/// A PNG with transparency, made into what a PDF image needs: its colour and a soft mask (/SMask, a
/// DeviceGray image of the same size whose samples are the alpha). PDFsharp 6.2.4 writes no soft mask in a PDF/A
/// document, so such a picture printed with its transparent pixels in whatever colour they hold (a chart exported on
/// a transparent background as a black box); PDF/A-2 allows soft masks, so we write them ourselves.
/// <list type="bullet">
/// <item>Alpha channel (grey+alpha, RGBA; 8 or 16 bits): the rows are inflated, unfiltered and split one at a time
/// into a colour stream and a mask of the same depth, each Flate-compressed anew.</item>
/// <item>tRNS (a transparent grey or RGB value, or an alpha per palette entry): the colour passes through as it is
/// (<see cref="PngPassThrough"/>), and only the 8-bit mask is computed from the decoded rows.</item>
/// </list>
/// Row by row, so the memory held is the two compressed streams, not the decoded pixels; an interlaced (Adam7) PNG
/// is put together whole first (its bytes decoded, 4 a pixel for 8-bit RGBA), and its colour is always written anew.
/// </summary>
internal sealed record PngSoftMask(int Width, int Height, int BitsPerComponent, int Colours, byte[]? Palette, byte[]? Colour, PngPassThrough? PassedColour, int MaskBitsPerComponent, byte[] Mask)
{
    // Optimal, not Fastest: on 4,096² RGBAs at the limit it took no more time (busy machine) and its PDFs were 20–60%
    // smaller (docs/performance.md, "Images: embedded as they are").
    private const CompressionLevel Level = CompressionLevel.Optimal;

    /// <summary>The colour and soft mask of a PNG with transparency, or null for a PNG without any (or not one we decode).</summary>
    public static PngSoftMask? TryRead(byte[] data) => PngChunks.TryRead(data) is { } png ? TryRead(png) : null;

    /// <inheritdoc cref="TryRead(byte[])"/>
    public static PngSoftMask? TryRead(PngChunks png)
    {
        var alphaChannel = png.ColourType is 4 or 6;
        if (!alphaChannel && png.Transparency is null)
            return null;
        return alphaChannel ? SplitAlpha(png) : MaskFromTransparency(png);
    }

    private static PngSoftMask SplitAlpha(PngChunks png)
    {
        var channels = png.ColourType == 6 ? 4 : 2;
        var sampleBytes = png.BitDepth / 8;
        var pixelBytes = channels * sampleBytes;
        var colourBytes = pixelBytes - sampleBytes;
        var colourRow = new byte[png.Width * colourBytes];
        var maskRow = new byte[png.Width * sampleBytes];
        using var colour = new MemoryStream();
        using var mask = new MemoryStream();
        using (var colourOut = new ZLibStream(colour, Level, leaveOpen: true))
        using (var maskOut = new ZLibStream(mask, Level, leaveOpen: true))
        {
            foreach (var rowData in PngRows.Of(png))
            {
                var row = rowData.Span;
                for (int x = 0, from = 0, to = 0, alphaAt = 0; x < png.Width; x++, from += pixelBytes, to += colourBytes, alphaAt += sampleBytes)
                {
                    row.Slice(from, colourBytes).CopyTo(colourRow.AsSpan(to));
                    row.Slice(from + colourBytes, sampleBytes).CopyTo(maskRow.AsSpan(alphaAt));
                }
                colourOut.Write(colourRow);
                maskOut.Write(maskRow);
            }
        }
        return new PngSoftMask(png.Width, png.Height, png.BitDepth, channels - 1, null, colour.ToArray(), null, png.BitDepth, mask.ToArray());
    }

    private static PngSoftMask MaskFromTransparency(PngChunks png)
    {
        var channels = png.ColourType == 2 ? 3 : 1;
        var maskRow = new byte[png.Width];
        using var mask = new MemoryStream();
        // Interlaced colour cannot pass through (its rows are in Adam7 order): it is written anew, row by row.
        using var colour = png.Interlaced ? new MemoryStream() : null;
        using (var maskOut = new ZLibStream(mask, Level, leaveOpen: true))
        using (var colourOut = colour is null ? null : new ZLibStream(colour, Level, leaveOpen: true))
        {
            foreach (var rowData in PngRows.Of(png))
            {
                var row = rowData.Span;
                for (var x = 0; x < png.Width; x++)
                    maskRow[x] = TransparencyAlpha(png, row, x);
                maskOut.Write(maskRow);
                colourOut?.Write(row);
            }
        }
        var palette = png.ColourType == 3 ? png.Palette : null;
        return colour is null
            ? new PngSoftMask(png.Width, png.Height, png.BitDepth, channels, palette, null, PngPassThrough.Of(png), 8, mask.ToArray())
            : new PngSoftMask(png.Width, png.Height, png.BitDepth, channels, palette, colour.ToArray(), null, 8, mask.ToArray());
    }

    /// <summary>
    /// What the tRNS chunk of <paramref name="png"/> makes pixel <paramref name="x"/> of an unfiltered row: 0 for the
    /// transparent grey or RGB value, else 255; a palette entry's own alpha (entries past the chunk's end are opaque).
    /// </summary>
    internal static byte TransparencyAlpha(PngChunks png, ReadOnlySpan<byte> row, int x)
    {
        var transparency = png.Transparency!;
        switch (png.ColourType)
        {
            case 3:
                var index = PngRows.Sample(row, x, png.BitDepth);
                return index < transparency.Length ? transparency[index] : (byte)255;
            case 0:
                // The one transparent value is stored in 16 bits whatever the depth, the sample's value in its low bits.
                return PngRows.Sample(row, x, png.BitDepth) == (transparency[0] << 8 | transparency[1]) ? (byte)0 : (byte)255;
            default:
                for (var c = 0; c < 3; c++)
                {
                    var value = png.BitDepth == 16 ? row[6 * x + 2 * c] << 8 | row[6 * x + 2 * c + 1] : row[3 * x + c];
                    if (value != (transparency[2 * c] << 8 | transparency[2 * c + 1]))
                        return 255;
                }
                return 0;
        }
    }
}
