using HiiaPublish.Pdf.Painting;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.UniversalAccessibility;

namespace HiiaPublish.Pdf.Tests.Painting;

/// <summary>
/// The image cache must not change what a PDF holds: an image PDFsharp encodes, drawn from a placeholder and filled
/// from the cache, is the very image object PDFsharp writes when it draws the decoded image itself; a PNG passed
/// through has PDFsharp's entries and the same pixels on the page (PngPassThroughTests).
/// </summary>
public class ImageStreamCacheTests
{
    public static TheoryData<string> SampleImages => new(
        Path.Combine("middle-corridor", "cover.png"),
        Path.Combine("middle-corridor", "corridor-volumes.png"),
        Path.Combine("kozep-europai-energiabiztonsag", "cover.png"));

    /// <summary>Kinds PDFsharp still encodes with plain entries: interlaced grey and RGB (alpha gets a soft mask, PngSoftMaskTests).</summary>
    public static TheoryData<byte, bool> EncodedKinds => new() { { 0, true }, { 2, true } };

    [Theory]
    [MemberData(nameof(SampleImages))]
    public void ASamplePassedThrough_HasEveryEntryPdfSharpWrites_ButItsOwnStreamAndPrediction(string image)
    {
        var png = File.ReadAllBytes(Path.Combine(RepositoryPaths.Samples, image));

        var direct = ImageObjectOf(gfx =>
        {
            using var decoded = XImage.FromStream(new MemoryStream(png));
            gfx.DrawImage(decoded, 40, 40, 300, 200);
        });
        var resources = new PaintResources();
        var encoded = new ImageStreamCache().Get(png);
        var copied = ImageObjectOf(gfx => gfx.DrawImage(resources.PlaceholderFor(encoded), 40, 40, 300, 200), resources);

        static IEnumerable<string> Without(string[] entries, params string[] keys) =>
            entries.Where(entry => !keys.Any(key => entry.StartsWith(key + "=", StringComparison.Ordinal)));
        Assert.Equal(Without(direct.Entries, "/Length").Order(), Without(copied.Entries, "/Length", "/DecodeParms").Order());
        Assert.Contains(copied.Entries, entry => entry.StartsWith("/DecodeParms=", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EncodedKinds))]
    public void AnImageFilledFromTheCache_IsTheObjectPdfSharpWritesItself(byte colourType, bool interlaced)
    {
        var png = TestImages.PngVariant(40, 30, colourType, 8, interlaced);

        var direct = ImageObjectOf(gfx =>
        {
            using var decoded = XImage.FromStream(new MemoryStream(png));
            gfx.DrawImage(decoded, 40, 40, 300, 200);
        });
        var resources = new PaintResources();
        var encoded = new ImageStreamCache().Get(png);
        Assert.Null(encoded.Decoded);
        var copied = ImageObjectOf(gfx => gfx.DrawImage(resources.PlaceholderFor(encoded), 40, 40, 300, 200), resources);

        Assert.Equal(direct.Entries, copied.Entries);
        Assert.Equal(direct.Stream, copied.Stream);
    }

    private static (string[] Entries, byte[] Stream) ImageObjectOf(Action<XGraphics> draw, PaintResources? fill = null)
    {
        using var document = new PdfDocument();
        document.SetPdfA();
        // As the painter draws a figure: PDF/A documents here are tagged, and drawing needs an open element.
        var structure = UAManager.ForDocument(document).StructureBuilder;
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            structure.BeginElement(PdfIllustrationElementTag.Figure, "A figure", new XRect(40, 40, 300, 200));
            draw(gfx);
            structure.End();
        }
        fill?.FillImages(document);
        var image = Assert.Single(document.Internals.GetAllObjects().OfType<PdfImage>());
        var entries = image.Elements.Keys.Select(key => $"{key}={image.Elements[key]}").ToArray();
        return (entries, image.Stream.Value);
    }
}
