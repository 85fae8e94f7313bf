using HiiaPublish.Pdf.Painting;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.UniversalAccessibility;

namespace HiiaPublish.Pdf.Tests.Painting;

/// <summary>
/// The image cache must not change what a PDF holds: an image PDFsharp encodes, drawn from a placeholder and filled
/// from the cache, is the very image object PDFsharp writes when it draws the decoded image itself; a PNG passed
/// through has PDFsharp's entries and the same pixels on the page (PngPassThroughTests). PDFsharp encodes only JPEGs
/// now; every PNG is read by the painter's own row reader.
/// </summary>
public class ImageStreamCacheTests
{
    public static TheoryData<string> SampleImages => new(
        Path.Combine("middle-corridor", "cover.png"),
        Path.Combine("middle-corridor", "corridor-volumes.png"),
        Path.Combine("kozep-europai-energiabiztonsag", "cover.png"));

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

    [Fact]
    public void AJpegFilledFromTheCache_IsTheObjectPdfSharpWritesItself()
    {
        // The one kind PDFsharp still encodes: a JPEG, its file as the /DCTDecode stream.
        var png = TestImages.Jpeg(40, 30);

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
