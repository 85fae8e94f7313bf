using System.Collections.Concurrent;
using System.Security.Cryptography;
using PdfSharp.Drawing;

namespace HiiaPublish.Pdf.Painting;

/// <summary>
/// PDFsharp decodes a PNG slowly (about 40 ms for a 1600×1000 cover on our machine), and revisions of a paper
/// share their images. Decoded images are kept by the SHA-256 of their bytes, so a re-render of the same images
/// skips the decoding. Bounded: past <see cref="Capacity"/> images the cache starts afresh.
/// </summary>
internal sealed class DecodedImageCache
{
    // A few dozen covers and figures: the images of the papers in review at once, a few MB of pixels each.
    private const int Capacity = 32;

    private readonly ConcurrentDictionary<string, Lazy<XImage>> _images = new(StringComparer.Ordinal);

    public XImage Get(byte[] data)
    {
        var key = Convert.ToHexString(SHA256.HashData(data));
        if (_images.Count >= Capacity && !_images.ContainsKey(key))
            _images.Clear();
        return _images.GetOrAdd(key, _ => new Lazy<XImage>(() =>
        {
            using var stream = new MemoryStream(data, writable: false);
            return XImage.FromStream(stream);
        })).Value;
    }
}
