using HiiaPublish.Pdf.Painting;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.UniversalAccessibility;

namespace HiiaPublish.Pdf.Tests.Painting;

/// <summary>
/// The image cache must not change what a PDF holds: an image drawn from a placeholder and filled from the cache
/// is the very image object PDFsharp writes when it draws the decoded image itself.
/// </summary>
public class ImageStreamCacheTests
{
    public static TheoryData<string> SampleImages => new(
        Path.Combine("middle-corridor", "cover.png"),
        Path.Combine("middle-corridor", "corridor-volumes.png"),
        Path.Combine("kozep-europai-energiabiztonsag", "cover.png"));

    [Theory]
    [MemberData(nameof(SampleImages))]
    public void AnImageFilledFromTheCache_IsTheObjectPdfSharpWritesItself(string image)
    {
        var png = File.ReadAllBytes(Path.Combine(RepositoryPaths.Samples, image));

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

    private static (string Entries, byte[] Stream) ImageObjectOf(Action<XGraphics> draw, PaintResources? fill = null)
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
        var entries = string.Join(" ", image.Elements.Keys.Select(key => $"{key}={image.Elements[key]}"));
        return (entries, image.Stream.Value);
    }
}
