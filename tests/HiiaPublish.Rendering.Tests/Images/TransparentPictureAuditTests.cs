using System.Text;
using HiiaPublish.Format;
using HiiaPublish.Pdf.Audit;
using HiiaPublish.Rendering.Tests.Samples;

namespace HiiaPublish.Rendering.Tests.Images;

/// <summary>
/// A paper whose pictures carry transparency, one of them downscaled for its column, is set as a PDF that passes the
/// whole audit, its transparency rules (PDF/A-2 6.2.10 and the soft-mask forms) among them, each having found the
/// pictures' soft masks to check.
/// </summary>
public class TransparentPictureAuditTests
{
    [Fact]
    public void APaperWithTransparentPictures_PassesTheAudit_WithItsSoftMasksChecked()
    {
        var assets = new MemoryDraftAssets(new Dictionary<string, byte[]>
        {
            // 3,000 pixels wide, half transparent, in a column of about 16 cm: made smaller; 200 wide, 16-bit alpha, interlaced: as it is.
            ["chart.png"] = TestPngs.Rgba(3000, 1200, 200, 40, 40, 128),
            ["logo.png"] = TestImages.PngVariant(200, 100, 6, 16, interlaced: true),
        });
        var draft = "---\ntitle: Transparent pictures\ndate: 2026-04-21\nauthors: [Anna Kovács]\nabstract: An abstract.\n---\n\n" +
            "## One\n\n![A wide chart](chart.png)\n\nText between.\n\n![A small logo](logo.png)\n";
        var parsed = new PerspectiveParser().Parse(new DraftSource("draft.md", Encoding.UTF8.GetBytes(draft), assets));
        Assert.False(parsed.HasErrors, string.Join(Environment.NewLine, parsed.Diagnostics));

        var result = RenderedSample.Renderer.Render(parsed.Perspective!, assets, "draft.md");

        Assert.NotNull(result.Pdf);
        var folder = RepositoryPaths.Output("transparent-pictures");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "paper.pdf"), result.Pdf!);
        var report = new PdfAuditor().Audit(result.Pdf!);
        Assert.Empty(report.Failed.Select(c => $"{c.Id}: {c.Detail}"));
        Assert.Equal("2 checked.", report.Checks.Single(c => c.Id == "pdfa-soft-masks").Detail);
        Assert.NotEqual("Nothing in the file this applies to.", report.Checks.Single(c => c.Id == "pdfa-transparency-group").Detail);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(result.Pdf!);
        var chart = pdf.GetPages().SelectMany(p => p.GetImages()).Single(i => i.BoundingBox.Width > 300);
        Assert.True(chart.WidthInSamples < 3000, $"the chart went in {chart.WidthInSamples} pixels wide");
        Assert.NotNull(chart.MaskImage);
    }
}
