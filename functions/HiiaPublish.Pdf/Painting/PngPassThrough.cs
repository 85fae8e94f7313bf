using System.Buffers.Binary;

namespace HiiaPublish.Pdf.Painting;

/// <summary>
/// A PNG whose compressed data a PDF can show as it is: PNG's zlib stream with its per-row filters is exactly what
/// /FlateDecode with /Predictor 15 (PNG prediction, a filter byte per row) reads, so the IDAT chunks, joined, become
/// the image stream with no decoding and no recompression (issue 14: decoding and re-compressing the sample's two
/// pictures was the largest single cost of a fresh render). That holds for a non-interlaced image of grey, RGB or a
/// palette — one sample per pixel and channel in the order PDF stores them. With a tRNS chunk the colour still passes
/// through and <see cref="PngSoftMask"/> adds the transparency as a soft mask; alpha channels are split from the
/// colour there. Adam7 interlacing lays the data out differently: PngSoftMask puts the passes of one with transparency
/// together, <see cref="Reinterlaced"/> those of one without. A picture with more pixels than its
/// placed size shows at 300 ppi is never passed through: PngDownscale makes it smaller.
/// </summary>
internal sealed record PngPassThrough(int Width, int Height, int BitsPerComponent, int Colours, byte[]? Palette, byte[] Data)
{
    /// <summary>
    /// The image's parts for the PDF, or null when it cannot be passed through (another kind, transparency, or bytes
    /// that are not a whole PNG: the check has read the data to its last byte, so those only reach here from a renderer
    /// called without it, and EncodedImage then names the damage). Chunk checksums are the check's work, not repeated.
    /// </summary>
    public static PngPassThrough? TryRead(byte[] data) => PngChunks.TryRead(data) is { } png ? TryRead(png) : null;

    /// <inheritdoc cref="TryRead(byte[])"/>
    public static PngPassThrough? TryRead(PngChunks png) =>
        png is { Interlaced: false, Transparency: null } && Passable(png.ColourType, png.BitDepth) ? Of(png) : null;

    /// <summary>
    /// An interlaced PNG without transparency as a PNG of the same kind that is not: its rows put together from Adam7's
    /// passes (<see cref="PngRows"/>) and compressed anew with PNG prediction, its depth and palette kept, so it needs
    /// no more bytes than it had. Null for any other PNG.
    /// </summary>
    public static PngPassThrough? Reinterlaced(PngChunks png)
    {
        if (!png.Interlaced || png.Transparency is not null || !Passable(png.ColourType, png.BitDepth))
            return null;
        var colours = png.ColourType == 2 ? 3 : 1;
        var bitsPerPixel = colours * png.BitDepth;
        var rows = new PredictedRows((png.Width * bitsPerPixel + 7) / 8, bitsPerPixel / 8);
        foreach (var row in PngRows.Of(png))
            rows.Write(row.Span);
        return new PngPassThrough(png.Width, png.Height, png.BitDepth, colours, png.ColourType == 3 ? png.Palette : null, rows.Finish());
    }

    /// <summary>The colour of <paramref name="png"/> as it is, whatever its tRNS says: the soft mask carries that.</summary>
    internal static PngPassThrough Of(PngChunks png) =>
        new(png.Width, png.Height, png.BitDepth, png.ColourType == 2 ? 3 : 1, png.ColourType == 3 ? png.Palette : null, png.Data);

    /// <summary>Grey of any depth, RGB of 8 or 16 bits, a palette of up to 8 bits: the kinds PDF stores sample for sample as PNG does.</summary>
    internal static bool Passable(int colourType, int bitDepth) => colourType switch
    {
        0 => bitDepth is 1 or 2 or 4 or 8 or 16,
        2 => bitDepth is 8 or 16,
        3 => bitDepth is 1 or 2 or 4 or 8,
        _ => false,
    };
}

/// <summary>
/// The chunks of a PNG the PDF needs: its header, palette, tRNS and the IDAT chunks joined into one zlib stream. Null
/// for bytes that are not a whole PNG of a kind PNG defines (compression and filter method 0, a palette for type 3).
/// </summary>
internal sealed record PngChunks(int Width, int Height, int BitDepth, int ColourType, bool Interlaced, byte[]? Palette, byte[]? Transparency, byte[] Data)
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>True when the bytes start with PNG's signature: they are then a PNG or damaged, never another kind.</summary>
    public static bool HasSignature(byte[] data) => data.AsSpan().StartsWith(Signature);

    /// <summary>The width and height an IHDR right after the PNG signature gives, or null for bytes that do not start so.</summary>
    public static (int Width, int Height)? HeaderSize(byte[] data)
    {
        if (data.Length < Signature.Length + 8 + 13 || !data.AsSpan(0, Signature.Length).SequenceEqual(Signature) || !data.AsSpan(12, 4).SequenceEqual("IHDR"u8))
            return null;
        int width = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(16)), height = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(20));
        return width > 0 && height > 0 ? (width, height) : null;
    }

    public static PngChunks? TryRead(byte[] data)
    {
        if (data.Length < Signature.Length + 12 + 13 || !data.AsSpan(0, Signature.Length).SequenceEqual(Signature))
            return null;
        var at = Signature.Length;
        int width = 0, height = 0, bitDepth = 0, colourType = -1;
        var interlaced = false;
        byte[]? palette = null, transparency = null;
        var idat = new List<(int Offset, int Length)>();
        long idatLength = 0;
        while (true)
        {
            if (at > data.Length - 12) return null;
            var length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));
            if (length > (uint)(data.Length - 12 - at)) return null;
            var body = data.AsSpan(at + 8, (int)length);
            var type = data.AsSpan(at + 4, 4);
            if (colourType < 0 && !type.SequenceEqual("IHDR"u8)) return null;
            if (type.SequenceEqual("IHDR"u8))
            {
                if (colourType >= 0 || length != 13) return null;
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                (bitDepth, colourType, interlaced) = (body[8], body[9], body[12] == 1);
                // Compression and filter method 0 are the only ones PNG has; interlace 0 (none) or 1 (Adam7).
                if (width <= 0 || height <= 0 || body[10] != 0 || body[11] != 0 || body[12] > 1 || !Defined(colourType, bitDepth))
                    return null;
            }
            else if (type.SequenceEqual("PLTE"u8))
            {
                if (length == 0 || length % 3 != 0 || length > 3 * 256) return null;
                palette = body.ToArray();
            }
            else if (type.SequenceEqual("tRNS"u8))
            {
                // One grey sample (2 bytes), one RGB triple (6 bytes) or an alpha byte per palette entry; none in alpha kinds.
                var fits = colourType switch { 0 => length == 2, 2 => length == 6, 3 => length is > 0 and <= 256, _ => false };
                if (!fits) return null;
                transparency = body.ToArray();
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Add((at + 8, (int)length));
                idatLength += length;
            }
            else if (type.SequenceEqual("IEND"u8))
                break;
            at += 12 + (int)length;
        }
        if (idat.Count == 0 || idatLength > int.MaxValue || (colourType == 3 && palette is null))
            return null;

        var joined = new byte[idatLength];
        var written = 0;
        foreach (var (offset, length) in idat)
        {
            Buffer.BlockCopy(data, offset, joined, written, length);
            written += length;
        }
        return new PngChunks(width, height, bitDepth, colourType, interlaced, palette, transparency, joined);
    }

    /// <summary>The colour types and depths PNG defines.</summary>
    private static bool Defined(int colourType, int bitDepth) => colourType switch
    {
        0 => bitDepth is 1 or 2 or 4 or 8 or 16,
        2 or 4 or 6 => bitDepth is 8 or 16,
        3 => bitDepth is 1 or 2 or 4 or 8,
        _ => false,
    };
}
