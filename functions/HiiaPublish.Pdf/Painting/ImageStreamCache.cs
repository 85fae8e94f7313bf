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

    public EncodedImage Get(byte[] data)
    {
        var key = Convert.ToHexString(SHA256.HashData(data));
        if (_images.Count >= Capacity && !_images.ContainsKey(key))
            _images.Clear();
        return _images.GetOrAdd(key, _ => new Lazy<EncodedImage>(() => EncodedImage.Encode(data))).Value;
    }
}

/// <summary>
/// An image XObject ready to copy into any document: a PNG the PDF can show as it is (<see cref="PngPassThrough"/>)
/// with its compressed data unchanged, a PNG with transparency with its soft mask (<see cref="PngSoftMask"/>),
/// anything else as PDFsharp writes it (its dictionary entries and compressed stream). An image whose PDFsharp XObject
/// needs more than plain values (a palette) is kept decoded instead, and drawn by PDFsharp as before.
/// </summary>
internal sealed class EncodedImage
{
    private readonly IReadOnlyList<KeyValuePair<string, PdfItem>> _entries;
    private readonly byte[] _stream;
    private readonly PngPassThrough? _png;
    private readonly PngSoftMask? _mask;

    private EncodedImage(IReadOnlyList<KeyValuePair<string, PdfItem>> entries, byte[] stream, XImage? decoded, PngPassThrough? png = null, PngSoftMask? mask = null)
    {
        _entries = entries;
        _stream = stream;
        Decoded = decoded;
        _png = png;
        _mask = mask;
    }

    /// <summary>Set only when the encoded form could not be reused: draw this image itself.</summary>
    public XImage? Decoded { get; }

    /// <summary>
    /// The image encoded for PDF. Throws <see cref="InvalidDataException"/>, and only that, for bytes PDFsharp cannot
    /// import (damaged, or a kind it has no importer for): the parser refuses such images at check time (HP0070, HP0078),
    /// so this is the last guard, and names what went wrong instead of PDFsharp's "Unsupported image format".
    /// </summary>
    public static EncodedImage Encode(byte[] data)
    {
        try
        {
            return EncodeImported(data);
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or InvalidDataException))
        {
            throw new InvalidDataException($"An image of {data.Length:N0} bytes cannot be put into the PDF ({exception.Message}); check the draft again, which reads every image fully.", exception);
        }
    }

    private static EncodedImage EncodeImported(byte[] data)
    {
        if (PngPassThrough.TryRead(data) is { } png)
            return PassedThrough(png);
        if (PngSoftMask.TryRead(data) is { } masked)
            return Masked(masked);
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
        return new EncodedImage(entries, encoded.Stream!.Value, decoded: null);
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
            AddSoftMask(image, _mask);
        if (_png is null && _mask?.Palette is { } palette)
            AddPalette(image, palette);
        image.Stream!.Value = _stream;
        image.Elements.SetInteger("/Length", _stream.Length);
    }

    /// <summary>What a passed-through PNG needs that belongs to one document: its prediction parameters and its palette.</summary>
    private static void AddPngParts(PdfImage image, PngPassThrough png)
    {
        var document = image.Owner;
        var prediction = new PdfDictionary(document);
        // 15: each row names its own PNG filter, as PNG's rows do.
        prediction.Elements.SetInteger("/Predictor", 15);
        prediction.Elements.SetInteger("/Colors", png.Colours);
        prediction.Elements.SetInteger("/BitsPerComponent", png.BitsPerComponent);
        prediction.Elements.SetInteger("/Columns", png.Width);
        image.Elements["/DecodeParms"] = prediction;
        if (png.Palette is { } palette)
            AddPalette(image, palette);
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
    private static void AddSoftMask(PdfImage image, PngSoftMask mask)
    {
        var document = image.Owner;
        var softMask = new PdfDictionary(document);
        softMask.Elements.SetName("/Type", "/XObject");
        softMask.Elements.SetName("/Subtype", "/Image");
        softMask.Elements.SetInteger("/Width", mask.Width);
        softMask.Elements.SetInteger("/Height", mask.Height);
        softMask.Elements.SetName("/ColorSpace", "/DeviceGray");
        softMask.Elements.SetInteger("/BitsPerComponent", mask.MaskBitsPerComponent);
        softMask.Elements.SetName("/Filter", "/FlateDecode");
        softMask.CreateStream(mask.Mask);
        document.Internals.AddObject(softMask);
        image.Elements["/SMask"] = softMask.Reference!;
    }
}
