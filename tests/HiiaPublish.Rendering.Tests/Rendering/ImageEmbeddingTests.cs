using System.Text;
using HiiaPublish.Format;
using HiiaPublish.Rendering;
using UglyToad.PdfPig;

namespace HiiaPublish.Rendering.Tests;

/// <summary>
/// Images are encoded once per process and copied into each PDF that shows them (Pdf/Painting/ImageStreamCache).
/// A reader must still see each image's own pixels, and a copy must be the same bytes as a fresh encoding.
/// </summary>
public class ImageEmbeddingTests
{
    private const string FrontMatter = "---\ntitle: Images\ndate: 2026-04-21\nauthors: [Anna Kovács]\nabstract: An abstract.\n---\n\n## Figures\n\n";

    private static readonly MemoryDraftAssets Assets = new(new Dictionary<string, byte[]>
    {
        ["light.png"] = TestPngs.Grey(300, 200, 0xD0),
        ["dark.png"] = TestPngs.Grey(200, 300, 0x30),
        ["translucent.png"] = TestPngs.Rgba(120, 80, 0x20, 0x80, 0xE0, 0x80),
        ["striped.png"] = TestPngs.Striped(64, 32, [0xC0, 0x30, 0x30], [0x30, 0x30, 0xC0]),
    });

    private static byte[] Render(PerspectiveRenderer renderer, string body)
    {
        var parsed = new PerspectiveParser().Parse(new DraftSource("images.md", Encoding.UTF8.GetBytes(FrontMatter + body), Assets));
        Assert.False(parsed.HasErrors, string.Join(Environment.NewLine, parsed.Diagnostics));
        var result = renderer.Render(parsed.Perspective!, Assets, "images.md");
        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Pdf!;
    }

    private const string ThreeFigures =
        "![A light panel](light.png \"Light\")\n\nBetween.\n\n![A dark panel](dark.png \"Dark\")\n\nAgain.\n\n![The light panel again](light.png \"Light again\")\n\nEnd.\n";

    [Fact]
    public void EachFigure_ShowsItsOwnPixels_AndARepeatedImageIsEmbeddedOnce()
    {
        var pdf = Render(new PerspectiveRenderer(RepositoryPaths.Templates), ThreeFigures);
        using var document = PdfDocument.Open(pdf);
        var drawn = document.GetPages().SelectMany(p => p.GetImages()).ToList();

        Assert.Equal([(300, 200), (200, 300), (300, 200)], drawn.Select(i => (i.WidthInSamples, i.HeightInSamples)));
        Assert.Equal([0xD0, 0x30, 0xD0], drawn.Select(OnlyPixelValue));
        Assert.Equal(2, CountImageObjects(pdf));
    }

    [Fact]
    public void ACopiedImage_GivesTheSameBytes_AsTheFirstEncoding_EvenTwoAtATime()
    {
        var renderer = new PerspectiveRenderer(RepositoryPaths.Templates);
        var first = Render(renderer, ThreeFigures); // encodes both images
        var copies = new byte[2][];
        Parallel.For(0, 2, i => copies[i] = Render(renderer, ThreeFigures)); // both copy them from the cache
        Assert.Equal(first, copies[0]);
        Assert.Equal(first, copies[1]);
        Assert.Equal(first, Render(new PerspectiveRenderer(RepositoryPaths.Templates), ThreeFigures));
    }

    [Fact]
    public void AnImageWithTransparency_IsStillDrawn()
    {
        var pdf = Render(new PerspectiveRenderer(RepositoryPaths.Templates), "![A translucent panel](translucent.png \"Translucent\")\n\nAfter.\n");
        using var document = PdfDocument.Open(pdf);
        var image = Assert.Single(document.GetPages().SelectMany(p => p.GetImages()));
        Assert.Equal((120, 80), (image.WidthInSamples, image.HeightInSamples));
    }

    [Fact]
    public void APaletteImage_WhichIsNotCopied_IsDrawnWithItsColours()
    {
        // PDFsharp gives a palette image an indexed colour space in an object of its own: such an image is drawn
        // from its decoded form, as before the cache, rather than copied.
        var pdf = Render(new PerspectiveRenderer(RepositoryPaths.Templates), "![A striped panel](striped.png \"Striped\")\n\nAfter.\n");
        using var document = PdfDocument.Open(pdf);
        var image = Assert.Single(document.GetPages().SelectMany(p => p.GetImages()));
        Assert.Equal((64, 32), (image.WidthInSamples, image.HeightInSamples));
        Assert.Contains("/Indexed", Encoding.Latin1.GetString(pdf));
    }

    /// <summary>The one value every sample of a flat image holds (its grey, once decoded from Flate).</summary>
    private static int OnlyPixelValue(UglyToad.PdfPig.Content.IPdfImage image)
    {
        Assert.True(image.TryGetBytesAsMemory(out var samples), "the image's samples could not be decoded");
        var values = samples.ToArray().Distinct().ToList();
        return Assert.Single(values);
    }

    private static int CountImageObjects(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Subtype\s*/Image").Count;
}
