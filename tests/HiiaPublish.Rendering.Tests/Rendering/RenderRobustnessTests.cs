using System.Text;
using HiiaPublish.Format;
using HiiaPublish.Rendering;
using HiiaPublish.Rendering.Tests.Samples;
using UglyToad.PdfPig;

namespace HiiaPublish.Rendering.Tests;

/// <summary>Drafts that push the layout: it bends, says so in a warning, and still produces a PDF.</summary>
public class RenderRobustnessTests
{
    private const string FrontMatter = "---\ntitle: \"{{ 1 + 1 }} and {{ brand.series }}\"\ndate: 2026-04-21\nauthors: [\"{{ paper.title }}\"]\nabstract: An abstract.\n---\n\n";

    private static (RenderResult Result, Perspective Perspective) Render(string body, MemoryDraftAssets? assets = null)
    {
        assets ??= new MemoryDraftAssets();
        var parsed = new PerspectiveParser().Parse(new DraftSource("draft.md", Encoding.UTF8.GetBytes(FrontMatter + body), assets));
        Assert.False(parsed.HasErrors, string.Join(Environment.NewLine, parsed.Diagnostics));
        return (RenderedSample.Renderer.Render(parsed.Perspective!, assets, "draft.md"), parsed.Perspective!);
    }

    [Fact]
    public void TemplateSyntaxInTheFrontMatter_IsPrintedLiterally()
    {
        var (result, _) = Render("## Section\n\nText.\n");
        using var pdf = PdfDocument.Open(result.Pdf!);
        var cover = pdf.GetPage(1).Text;
        var imprint = pdf.GetPage(2).Text;
        Assert.Contains("{{1+1}}and{{brand.series}}", cover.Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains("{{paper.title}}", imprint.Replace(" ", "", StringComparison.Ordinal));
        Assert.DoesNotContain("2 and HIIA", cover);
    }

    [Fact]
    public void AWordWiderThanTheLine_IsBroken_WithAWarning()
    {
        // 900 characters: under the check's word limit (HP0061, 1,000), far wider than a line.
        var (result, _) = Render("## Section\n\n" + new string('x', 900) + " and more text.\n");
        Assert.NotNull(result.Pdf);
        Assert.Contains(result.Diagnostics, d => d.Code == RenderDiagnosticCatalog.LayoutCompromise.Code && d.Severity == HiiaPublish.Format.Diagnostics.Severity.Warning);
        // Every letter of the word is printed: count against the same draft without it (the imprint has x's too).
        var (baseline, _) = Render("## Section\n\n and more text.\n");
        Assert.Equal(900, CountX(result.Pdf!) - CountX(baseline.Pdf!));
    }

    [Fact]
    public void AHugeImage_IsScaledOntoThePage()
    {
        var assets = new MemoryDraftAssets(new Dictionary<string, byte[]> { ["huge.png"] = TestPngs.Grey(2000, 8000, 0xB0) }); // 16 million pixels: just under the check's limit (HP0068)
        var (result, _) = Render("## Section\n\n![A tall grey image](huge.png \"A tall image\")\n\nAfter the image.\n", assets);
        Assert.NotNull(result.Pdf);
        using var pdf = PdfDocument.Open(result.Pdf!);
        var image = Assert.Single(pdf.GetPages().SelectMany(p => p.GetImages()));
        Assert.True(image.BoundingBox.Height <= 842 && image.BoundingBox.Width <= 595, $"image drawn {image.BoundingBox.Width}×{image.BoundingBox.Height}");
        // Shrunk onto the page, it shows fewer pixels than it has: it goes in with what 300 ppi at its placed size needs.
        Assert.Equal(Math.Ceiling(image.BoundingBox.Width / 72 * 300 - 1e-3), image.WidthInSamples, 1.0);
        Assert.Equal(Math.Ceiling(image.BoundingBox.Height / 72 * 300 - 1e-3), image.HeightInSamples, 1.0);
        Assert.True(image.HeightInSamples < 8000);
    }

    [Fact]
    public void AWideTable_FitsTheMeasure()
    {
        var header = "| " + string.Join(" | ", Enumerable.Range(1, 12).Select(i => $"Column{i}Heading")) + " |\n";
        var rule = "|" + string.Concat(Enumerable.Repeat("---|", 12)) + "\n";
        var row = "| " + string.Join(" | ", Enumerable.Range(1, 12).Select(i => $"Longwordincell{i}")) + " |\n";
        var (result, _) = Render("## Section\n\n" + header + rule + row + row + "\nAfter.\n");
        Assert.NotNull(result.Pdf);
        using var pdf = PdfDocument.Open(result.Pdf!);
        foreach (var page in pdf.GetPages())
            Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 0, 595 - 40));
    }

    [Fact]
    public void AThousandFootnotes_AllLandInThePdf()
    {
        var body = new StringBuilder("## Section\n\n");
        for (var i = 1; i <= 300; i++) body.Append($"Sentence {i}.[^{i}] ");
        body.Append("\n\n");
        for (var i = 1; i <= 300; i++) body.Append($"[^{i}]: Note number {i}.\n");
        var (result, perspective) = Render(body.ToString());
        Assert.Equal(300, perspective.Footnotes.Count);
        using var pdf = PdfDocument.Open(result.Pdf!);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Note number 300.", text.Replace("Notenumber", "Note number", StringComparison.Ordinal));
    }

    private static int CountX(byte[] pdfBytes)
    {
        using var pdf = PdfDocument.Open(pdfBytes);
        return pdf.GetPages().Sum(p => p.Letters.Count(l => l.Value == "x"));
    }
}
