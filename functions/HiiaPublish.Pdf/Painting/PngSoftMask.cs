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
    public static PngSoftMask? TryRead(byte[] data)
    {
        if (PngChunks.TryRead(data) is not { } png)
            return null;
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
            foreach (var rowData in Rows(png, channels * png.BitDepth))
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
        var transparency = png.Transparency!;
        var maskRow = new byte[png.Width];
        using var mask = new MemoryStream();
        // Interlaced colour cannot pass through (its rows are in Adam7 order): it is written anew, row by row.
        using var colour = png.Interlaced ? new MemoryStream() : null;
        using (var maskOut = new ZLibStream(mask, Level, leaveOpen: true))
        using (var colourOut = colour is null ? null : new ZLibStream(colour, Level, leaveOpen: true))
        {
            foreach (var rowData in Rows(png, channels * png.BitDepth))
            {
                var row = rowData.Span;
                for (var x = 0; x < png.Width; x++)
                    maskRow[x] = png.ColourType switch
                    {
                        // An alpha per palette entry; entries past the tRNS chunk's end are opaque.
                        3 => Sample(row, x, png.BitDepth) is var index && index < transparency.Length ? transparency[index] : (byte)255,
                        // The one transparent value is stored in 16 bits whatever the depth, the sample's value in its low bits.
                        0 => Sample(row, x, png.BitDepth) == (transparency[0] << 8 | transparency[1]) ? (byte)0 : (byte)255,
                        _ => IsTransparentRgb(row, x, png.BitDepth, transparency) ? (byte)0 : (byte)255,
                    };
                maskOut.Write(maskRow);
                colourOut?.Write(row);
            }
        }
        var palette = png.ColourType == 3 ? png.Palette : null;
        return colour is null
            ? new PngSoftMask(png.Width, png.Height, png.BitDepth, channels, palette, null, PngPassThrough.Of(png), 8, mask.ToArray())
            : new PngSoftMask(png.Width, png.Height, png.BitDepth, channels, palette, colour.ToArray(), null, 8, mask.ToArray());
    }

    private static bool IsTransparentRgb(ReadOnlySpan<byte> row, int x, int bitDepth, byte[] transparency)
    {
        for (var c = 0; c < 3; c++)
        {
            var value = bitDepth == 16 ? row[6 * x + 2 * c] << 8 | row[6 * x + 2 * c + 1] : row[3 * x + c];
            if (value != (transparency[2 * c] << 8 | transparency[2 * c + 1]))
                return false;
        }
        return true;
    }

    /// <summary>Sample <paramref name="x"/> of a one-channel row: packed high bits first below 8 bits, big-endian at 16.</summary>
    private static int Sample(ReadOnlySpan<byte> row, int x, int bitDepth) => bitDepth switch
    {
        16 => row[2 * x] << 8 | row[2 * x + 1],
        8 => row[x],
        _ => row[x * bitDepth / 8] >> (8 - bitDepth - x * bitDepth % 8) & ((1 << bitDepth) - 1),
    };

    /// <summary>
    /// The image's rows top to bottom, inflated and unfiltered (and put together from Adam7's seven passes when
    /// interlaced; the buffer is reused: read it before the next). Throws <see cref="InvalidDataException"/> for data
    /// that ends early or names a filter PNG does not have.
    /// </summary>
    private static IEnumerable<ReadOnlyMemory<byte>> Rows(PngChunks png, int bitsPerPixel)
    {
        var rowBytes = (png.Width * bitsPerPixel + 7) / 8;
        using var inflated = new ZLibStream(new MemoryStream(png.Data, writable: false), CompressionMode.Decompress);
        if (png.Interlaced)
        {
            // The passes each cover the whole image, so it is put together in full before its first row is given.
            var image = Deinterlaced(png, inflated, bitsPerPixel, rowBytes);
            for (var y = 0; y < png.Height; y++)
                yield return image.AsMemory(y * rowBytes, rowBytes);
            yield break;
        }
        var previous = new byte[rowBytes];
        var current = new byte[rowBytes];
        for (var y = 0; y < png.Height; y++)
        {
            ReadRow(inflated, current, previous, bitsPerPixel, y, png.Height);
            yield return current;
            (previous, current) = (current, previous);
        }
    }

    private static void ReadRow(Stream inflated, byte[] row, byte[] previous, int bitsPerPixel, int y, int height)
    {
        var filter = inflated.ReadByte();
        try
        {
            if (filter < 0) throw new EndOfStreamException();
            inflated.ReadExactly(row);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException($"The PNG's pixel data ends at row {y + 1:N0} of {height:N0}.", exception);
        }
        Unfilter((byte)filter, row, previous, Math.Max(1, bitsPerPixel / 8), y);
    }

    /// <summary>Adam7's passes: where each starts (x, y) and how far apart its pixels are.</summary>
    private static ReadOnlySpan<byte> PassX0 => [0, 4, 0, 2, 0, 1, 0];
    private static ReadOnlySpan<byte> PassY0 => [0, 0, 4, 0, 2, 0, 1];
    private static ReadOnlySpan<byte> PassDx => [8, 8, 4, 4, 2, 2, 1];
    private static ReadOnlySpan<byte> PassDy => [8, 8, 8, 4, 4, 2, 2];

    private static byte[] Deinterlaced(PngChunks png, Stream inflated, int bitsPerPixel, int rowBytes)
    {
        var image = new byte[(long)rowBytes * png.Height];
        var pixelBytes = bitsPerPixel / 8;
        var rowsRead = 0;
        // The rows of all seven passes, stored one after another: what a message about data ending early counts in.
        var storedRows = 0;
        for (var pass = 0; pass < 7; pass++)
            if (png.Width > PassX0[pass] && png.Height > PassY0[pass])
                storedRows += (png.Height - PassY0[pass] + PassDy[pass] - 1) / PassDy[pass];
        for (var pass = 0; pass < 7; pass++)
        {
            var columns = png.Width > PassX0[pass] ? (png.Width - PassX0[pass] + PassDx[pass] - 1) / PassDx[pass] : 0;
            var rows = png.Height > PassY0[pass] ? (png.Height - PassY0[pass] + PassDy[pass] - 1) / PassDy[pass] : 0;
            if (columns == 0 || rows == 0) continue; // an empty pass has no rows, not even filter bytes
            var passRowBytes = (columns * bitsPerPixel + 7) / 8;
            var previous = new byte[passRowBytes];
            var current = new byte[passRowBytes];
            for (var r = 0; r < rows; r++, rowsRead++)
            {
                ReadRow(inflated, current, previous, bitsPerPixel, rowsRead, storedRows);
                var target = image.AsSpan((PassY0[pass] + r * PassDy[pass]) * rowBytes, rowBytes);
                for (var i = 0; i < columns; i++)
                {
                    var x = PassX0[pass] + i * PassDx[pass];
                    if (pixelBytes > 0)
                        current.AsSpan(i * pixelBytes, pixelBytes).CopyTo(target[(x * pixelBytes)..]);
                    else
                    {
                        // Below 8 bits a pixel (one channel): its bits, high first, into the same place in the full row.
                        var value = Sample(current, i, bitsPerPixel);
                        var bit = x * bitsPerPixel;
                        target[bit / 8] |= (byte)(value << (8 - bitsPerPixel - bit % 8));
                    }
                }
                (previous, current) = (current, previous);
            }
        }
        return image;
    }

    /// <summary>Undoes PNG's row filter <paramref name="filter"/> (0 none, 1 sub, 2 up, 3 average, 4 Paeth) in place.</summary>
    private static void Unfilter(byte filter, Span<byte> row, ReadOnlySpan<byte> previous, int pixelBytes, int y)
    {
        switch (filter)
        {
            case 0:
                return;
            case 1:
                for (var i = pixelBytes; i < row.Length; i++) row[i] += row[i - pixelBytes];
                return;
            case 2:
                for (var i = 0; i < row.Length; i++) row[i] += previous[i];
                return;
            case 3:
                for (var i = 0; i < row.Length; i++)
                    row[i] += (byte)(((i >= pixelBytes ? row[i - pixelBytes] : 0) + previous[i]) / 2);
                return;
            case 4:
                for (var i = 0; i < row.Length; i++)
                {
                    int left = i >= pixelBytes ? row[i - pixelBytes] : 0, up = previous[i], upLeft = i >= pixelBytes ? previous[i - pixelBytes] : 0;
                    int p = left + up - upLeft, toLeft = Math.Abs(p - left), toUp = Math.Abs(p - up), toUpLeft = Math.Abs(p - upLeft);
                    row[i] += (byte)(toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft);
                }
                return;
            default:
                throw new InvalidDataException($"Row {y + 1:N0} of the PNG names filter {filter}; PNG has filters 0 to 4 only.");
        }
    }
}
