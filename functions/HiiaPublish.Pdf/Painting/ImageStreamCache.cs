using System.Collections.Concurrent;
using System.Security.Cryptography;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace HiiaPublish.Pdf.Painting;

/// <summary>
/// Each image encoded for PDF once per process, kept by the SHA-256 of its bytes. PDFsharp decodes a PNG and
/// Flate-compresses its pixels again for every document that shows it: profiled, that was ~40% of a warm render of
/// the English sample (a cover and a figure), and it ran on every revision of every paper. Bounded: past
/// <see cref="Capacity"/> images the cache starts afresh.
/// </summary>
internal sealed class ImageStreamCache
{
    // A few dozen covers and figures: the images of the papers in review at once, tens of KB compressed each.
    private const int Capacity = 32;

    private readonly ConcurrentDictionary<string, Lazy<EncodedImage>> _images = new(StringComparer.Ordinal);

    /// <summary>The image at its own pixel size (a placement that needs every pixel).</summary>
    public EncodedImage Get(byte[] data) => Get(data, double.PositiveInfinity, double.PositiveInfinity);

    /// <summary>
    /// The image for a placement <paramref name="placedWidth"/> × <paramref name="placedHeight"/> points large: a PNG
    /// with more pixels than that shows at <see cref="PngDownscale.PixelsPerInch"/> is made smaller. Kept by its bytes
    /// and the pixel size kept, so two placements that keep the same size share one encoding.
    /// </summary>
    public EncodedImage Get(byte[] data, double placedWidth, double placedHeight)
    {
        (int Width, int Height)? kept = PngChunks.HeaderSize(data) is { } size
            ? PngDownscale.Kept(size.Width, size.Height, placedWidth, placedHeight)
            : null;
        var key = Convert.ToHexString(SHA256.HashData(data)) + (kept is { } k ? $"@{k.Width}x{k.Height}" : "");
        if (_images.Count >= Capacity && !_images.ContainsKey(key))
            _images.Clear();
        return _images.GetOrAdd(key, _ => new Lazy<EncodedImage>(() => EncodedImage.Encode(data, kept))).Value;
    }
}

/// <summary>
/// An image XObject ready to copy into any document: a PNG the PDF can show as it is (<see cref="PngPassThrough"/>)
/// with its compressed data unchanged, a PNG with transparency with its soft mask (<see cref="PngSoftMask"/>), a PNG
/// interlaced without transparency with its rows put in order (<see cref="PngPassThrough.Reinterlaced"/>), a PNG with
/// more pixels than its placement shows made smaller (<see cref="PngDownscale"/>), so no PNG is decoded by PDFsharp any more (its interlaced grey came out a pixel
/// shifted). A JPEG goes in as PDFsharp writes it: the file itself as /DCTDecode, at its own size (there is no JPEG
/// decoder here to make it smaller). An image whose PDFsharp XObject needs more than plain values is kept decoded
/// instead, and drawn by PDFsharp as before.
/// </summary>
internal sealed class EncodedImage
{
    private readonly IReadOnlyList<KeyValuePair<string, PdfItem>> _entries;
    private readonly byte[] _stream;
    private readonly PngPassThrough? _png;
    private readonly PngSoftMask? _mask;
    private readonly PngDownscale? _downscaled;

    private EncodedImage(IReadOnlyList<KeyValuePair<string, PdfItem>> entries, byte[] stream, XImage? decoded, PngPassThrough? png = null, PngSoftMask? mask = null, PngDownscale? downscaled = null)
    {
        _entries = entries;
        _stream = stream;
        Decoded = decoded;
        _png = png;
        _mask = mask;
        _downscaled = downscaled;
    }

    /// <summary>The pixel size of the image stream written (a PNG's after any downscaling).</summary>
    public (int Width, int Height) PixelSize { get; private set; }

    /// <summary>Set only when the encoded form could not be reused: draw this image itself.</summary>
    public XImage? Decoded { get; }

    /// <summary>
    /// The image encoded for PDF, at most <paramref name="kept"/> pixels large when it is a PNG. Throws
    /// <see cref="InvalidDataException"/>, and only that, for a PNG that is not whole (the painter's own reader names
    /// the row or chunk) or a JPEG PDFsharp cannot import: the parser refuses such images at check time (HP0070,
    /// HP0078), so this is the last guard, and names what went wrong instead of PDFsharp's "Unsupported image format".
    /// </summary>
    public static EncodedImage Encode(byte[] data, (int Width, int Height)? kept = null)
    {
        try
        {
            return EncodeImported(data, kept);
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or InvalidDataException))
        {
            throw new InvalidDataException($"An image of {data.Length:N0} bytes cannot be put into the PDF ({exception.Message}); check the draft again, which reads every image fully.", exception);
        }
    }

    private static EncodedImage EncodeImported(byte[] data, (int Width, int Height)? kept)
    {
        if (PngChunks.HasSignature(data))
        {
            var chunks = PngChunks.TryRead(data)
                ?? throw new InvalidDataException($"An image of {data.Length:N0} bytes starts as a PNG but is not a whole one (its chunks end early or its header names no kind PNG has); check the draft again, which reads every image fully.");
            var (width, height) = kept is { } k ? (Math.Min(k.Width, chunks.Width), Math.Min(k.Height, chunks.Height)) : (chunks.Width, chunks.Height);
            if (width == chunks.Width && height == chunks.Height)
            {
                if (PngPassThrough.TryRead(chunks) is { } png)
                    return Sized(PassedThrough(png), png.Width, png.Height);
                if (PngSoftMask.TryRead(chunks) is { } masked)
                    return Sized(Masked(masked), masked.Width, masked.Height);
                if (PngPassThrough.Reinterlaced(chunks) is { } rewritten)
                    return Sized(PassedThrough(rewritten), rewritten.Width, rewritten.Height);
            }
            return Downscaled(PngDownscale.Of(chunks, width, height));
        }
        using var input = new MemoryStream(data, writable: false);
        var decoded = XImage.FromStream(input);
        using var scratch = new PdfDocument();
        // Encoded as for the papers themselves: PDF/A, for one, forbids /Interpolate. A change to the options of the
        // painter's documents (PdfPainter.Paint) that touches images belongs here too; ImageStreamCacheTests compare
        // a copied image object with the one PDFsharp writes when it draws the decoded image itself.
        scratch.SetPdfA();
        var encoded = new PdfImage(scratch, decoded);
        var entries = new List<KeyValuePair<string, PdfItem>>();
        foreach (var key in encoded.Elements.Keys)
        {
            // Names, numbers and booleans are plain values, safe to share between documents. Anything else
            // (a reference to a soft mask, an indexed colour space) belongs to the scratch document.
            if (encoded.Elements[key] is not (PdfName or PdfInteger or PdfBoolean or PdfReal) || encoded.Stream is null)
                return new EncodedImage([], [], decoded);
            entries.Add(new(key, encoded.Elements[key]!));
        }
        return new EncodedImage(entries, encoded.Stream!.Value, decoded: null) { PixelSize = (decoded.PixelWidth, decoded.PixelHeight) };
    }

    private static EncodedImage Sized(EncodedImage image, int width, int height)
    {
        image.PixelSize = (width, height);
        return image;
    }

    /// <summary>A PNG written anew (<see cref="PngDownscale"/>): its rows predicted, its mask, if any, too.</summary>
    private static EncodedImage Downscaled(PngDownscale image)
    {
        List<KeyValuePair<string, PdfItem>> entries =
        [
            new("/Type", new PdfName("/XObject")),
            new("/Subtype", new PdfName("/Image")),
            new("/Filter", new PdfName("/FlateDecode")),
            new("/Width", new PdfInteger(image.Width)),
            new("/Height", new PdfInteger(image.Height)),
            new("/BitsPerComponent", new PdfInteger(image.BitsPerComponent)),
            new("/ColorSpace", new PdfName(image.Colours == 3 ? "/DeviceRGB" : "/DeviceGray")),
        ];
        return new EncodedImage(entries, image.Colour, decoded: null, downscaled: image) { PixelSize = (image.Width, image.Height) };
    }

    /// <summary>
    /// The entries PDFsharp writes for a decoded PNG of this kind (ImageStreamCacheTests compare the two), and the PNG's
    /// own zlib data as the stream, read through PNG prediction. The colour space stays what PDFsharp chose (DeviceGray,
    /// DeviceRGB, or Indexed over DeviceRGB), which PDF/A-2 accepts beside the papers' sRGB output intent.
    /// </summary>
    private static EncodedImage PassedThrough(PngPassThrough png)
    {
        List<KeyValuePair<string, PdfItem>> entries =
        [
            new("/Type", new PdfName("/XObject")),
            new("/Subtype", new PdfName("/Image")),
            new("/Filter", new PdfName("/FlateDecode")),
            new("/Width", new PdfInteger(png.Width)),
            new("/Height", new PdfInteger(png.Height)),
            new("/BitsPerComponent", new PdfInteger(png.BitsPerComponent)),
        ];
        if (png.Palette is null)
            entries.Add(new("/ColorSpace", new PdfName(png.Colours == 3 ? "/DeviceRGB" : "/DeviceGray")));
        return new EncodedImage(entries, png.Data, decoded: null, png);
    }

    /// <summary>
    /// A PNG with transparency: its colour passed through (tRNS) or split from its alpha, plus the soft mask that
    /// <see cref="CopyInto"/> adds to each document.
    /// </summary>
    private static EncodedImage Masked(PngSoftMask masked)
    {
        if (masked.PassedColour is { } colour)
        {
            var passed = PassedThrough(colour);
            return new EncodedImage(passed._entries, passed._stream, decoded: null, colour, masked);
        }
        List<KeyValuePair<string, PdfItem>> entries =
        [
            new("/Type", new PdfName("/XObject")),
            new("/Subtype", new PdfName("/Image")),
            new("/Filter", new PdfName("/FlateDecode")),
            new("/Width", new PdfInteger(masked.Width)),
            new("/Height", new PdfInteger(masked.Height)),
            new("/BitsPerComponent", new PdfInteger(masked.BitsPerComponent)),
        ];
        // A palette's indexed colour space refers to an object of each document; CopyInto adds it.
        if (masked.Palette is null)
            entries.Add(new("/ColorSpace", new PdfName(masked.Colours == 3 ? "/DeviceRGB" : "/DeviceGray")));
        return new EncodedImage(entries, masked.Colour!, decoded: null, mask: masked);
    }

    /// <summary>Makes <paramref name="image"/> (drawn from a placeholder) this image: same entries, same stream.</summary>
    public void CopyInto(PdfImage image)
    {
        image.Elements.Clear();
        foreach (var (key, value) in _entries)
            image.Elements[key] = value;
        if (_png is not null)
            AddPngParts(image, _png);
        if (_mask is not null)
            AddSoftMask(image, _mask.Width, _mask.Height, _mask.MaskBitsPerComponent, _mask.Mask, predicted: false);
        if (_png is null && _mask?.Palette is { } palette)
            AddPalette(image, palette);
        if (_downscaled is { } downscaled)
        {
            image.Elements["/DecodeParms"] = Prediction(image.Owner, downscaled.Colours, downscaled.BitsPerComponent, downscaled.Width);
            if (downscaled.Mask is { } mask)
                AddSoftMask(image, downscaled.Width, downscaled.Height, downscaled.MaskBitsPerComponent, mask, predicted: true);
        }
        image.Stream!.Value = _stream;
        image.Elements.SetInteger("/Length", _stream.Length);
    }

    /// <summary>What a passed-through PNG needs that belongs to one document: its prediction parameters and its palette.</summary>
    private static void AddPngParts(PdfImage image, PngPassThrough png)
    {
        image.Elements["/DecodeParms"] = Prediction(image.Owner, png.Colours, png.BitsPerComponent, png.Width);
        if (png.Palette is { } palette)
            AddPalette(image, palette);
    }

    /// <summary>/DecodeParms for rows that each name their own PNG filter (/Predictor 15), as PNG's rows do.</summary>
    private static PdfDictionary Prediction(PdfDocument document, int colours, int bitsPerComponent, int columns)
    {
        var prediction = new PdfDictionary(document);
        prediction.Elements.SetInteger("/Predictor", 15);
        prediction.Elements.SetInteger("/Colors", colours);
        prediction.Elements.SetInteger("/BitsPerComponent", bitsPerComponent);
        prediction.Elements.SetInteger("/Columns", columns);
        return prediction;
    }

    /// <summary>The palette as a stream object of its RGB triples, as PDFsharp writes the palettes it decodes.</summary>
    private static void AddPalette(PdfImage image, byte[] palette)
    {
        var document = image.Owner;
        var lookup = new PdfDictionary(document);
        lookup.CreateStream(palette);
        document.Internals.AddObject(lookup);
        image.Elements["/ColorSpace"] = new PdfArray(document,
            new PdfName("/Indexed"), new PdfName("/DeviceRGB"), new PdfInteger(palette.Length / 3 - 1), lookup.Reference!);
    }

    /// <summary>
    /// The transparency as the image's /SMask: a DeviceGray image of the same size whose samples are the alpha. PDF/A-2
    /// allows it (PDF/A-1 did not); a mask belongs to one document, so each gets its own object.
    /// </summary>
    private static void AddSoftMask(PdfImage image, int width, int height, int bitsPerComponent, byte[] data, bool predicted)
    {
        var document = image.Owner;
        var softMask = new PdfDictionary(document);
        softMask.Elements.SetName("/Type", "/XObject");
        softMask.Elements.SetName("/Subtype", "/Image");
        softMask.Elements.SetInteger("/Width", width);
        softMask.Elements.SetInteger("/Height", height);
        softMask.Elements.SetName("/ColorSpace", "/DeviceGray");
        softMask.Elements.SetInteger("/BitsPerComponent", bitsPerComponent);
        softMask.Elements.SetName("/Filter", "/FlateDecode");
        if (predicted)
            softMask.Elements["/DecodeParms"] = Prediction(document, 1, bitsPerComponent, width);
        softMask.CreateStream(data);
        document.Internals.AddObject(softMask);
        image.Elements["/SMask"] = softMask.Reference!;
    }
}
