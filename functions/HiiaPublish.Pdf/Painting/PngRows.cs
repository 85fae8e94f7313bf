using System.IO.Compression;

namespace HiiaPublish.Pdf.Painting;

/// <summary>
/// A PNG's rows as a PDF writer needs them: inflated (System.IO.Compression's zlib), unfiltered and, for Adam7, put
/// together from the seven passes. The one row reader of the painter: the soft mask (<see cref="PngSoftMask"/>) and
/// the downscaler (<see cref="PngDownscale"/>) both read through it.
/// </summary>
internal static class PngRows
{
    /// <summary>Channels a pixel has in the PNG's own data (grey 1, RGB 3, palette index 1, grey+alpha 2, RGBA 4).</summary>
    public static int Channels(int colourType) => colourType switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 };

    /// <summary>
    /// The image's rows top to bottom (the buffer is reused: read it before asking for the next). A plain PNG is
    /// streamed, two rows held; an interlaced one is put together whole first (its raw bytes, not more), because each
    /// of its passes covers the whole image. Throws <see cref="InvalidDataException"/> for data that ends early or
    /// names a filter PNG does not have.
    /// </summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Of(PngChunks png)
    {
        var bitsPerPixel = Channels(png.ColourType) * png.BitDepth;
        var rowBytes = (png.Width * bitsPerPixel + 7) / 8;
        using var inflated = new ZLibStream(new MemoryStream(png.Data, writable: false), CompressionMode.Decompress);
        if (png.Interlaced)
        {
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

    /// <summary>Sample <paramref name="index"/> of a row: packed high bits first below 8 bits, big-endian at 16.</summary>
    public static int Sample(ReadOnlySpan<byte> row, int index, int bitDepth) => bitDepth switch
    {
        16 => row[2 * index] << 8 | row[2 * index + 1],
        8 => row[index],
        _ => row[index * bitDepth / 8] >> (8 - bitDepth - index * bitDepth % 8) & ((1 << bitDepth) - 1),
    };

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
