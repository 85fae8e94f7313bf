using System.IO.Compression;
using HiiaPublish.Format.Tests.Support;

namespace HiiaPublish.Format.Tests.Format;

/// <summary>
/// The joint estimate of a render's memory (HP0080) at the real limits: a picture counts its file twice and, for a
/// PNG, what the PDF writer holds while it streams the rows (half a byte a pixel) plus, interlaced, its raw samples put
/// together (a quarter more than their size); the draft counts by its bytes. The shapes are those measured in
/// docs/performance.md ("Images: embedded as they are, downscaled past the page's resolution"): two 8-bit RGBA PNGs at
/// the pixel limit peaked at 94 MB (646 MB when they were decoded whole), two interlaced 16-bit RGBA at 405 MB, one of
/// those with 1 MB of prose at 438 MB.
/// </summary>
public class RenderCostEstimateTests
{
    private const int Limit = 4096;

    [Fact]
    public void TwoPicturesWithAlphaAtThePixelLimit_AreAccepted_AsTheirRowsAreStreamed()
    {
        var result = ParseWithFigures(0, ("a.png", SolidPng(Limit, Limit, alpha: true, 1)), ("b.png", SolidPng(Limit, Limit, alpha: true, 2)));

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void OnePictureWithAlphaAtThePixelLimit_AndAMegabyteOfProse_IsAccepted()
    {
        var result = ParseWithFigures(1_000_000, ("a.png", SolidPng(Limit, Limit, alpha: true, 1)));

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void TwoInterlaced16BitAlphaPicturesAtThePixelLimit_AreAccepted()
    {
        var result = ParseWithFigures(0, ("a.png", SolidPng(Limit, Limit, alpha: true, 1, depth: 16, interlaced: true)), ("b.png", SolidPng(Limit, Limit, alpha: true, 2, depth: 16, interlaced: true)));

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void TwoInterlaced16BitAlphaPicturesAtThePixelLimit_AndAMegabyteOfProse_AreRefusedAsTooCostly_AtTheSecond()
    {
        var result = ParseWithFigures(1_000_000, ("a.png", SolidPng(Limit, Limit, alpha: true, 1, depth: 16, interlaced: true)), ("b.png", SolidPng(Limit, Limit, alpha: true, 2, depth: 16, interlaced: true)));

        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal("HP0080", problem.Code);
        Assert.Contains("'b.png'", problem.Message);
        Assert.Contains("more than the 512 MB a render may use", problem.Message);
        Assert.Null(result.Perspective);
    }

    [Fact]
    public void TwoPlainPicturesAtThePixelLimit_WithTwoMegabytesOfProse_AreAccepted()
    {
        var result = ParseWithFigures(1_900_000, ("a.png", SolidPng(Limit, Limit, alpha: false, 1)), ("b.png", SolidPng(Limit, Limit, alpha: false, 2)));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "HP0080");
        Assert.NotNull(result.Perspective);
    }

    [Fact]
    public void TablesAndFootnotesAtTheirLimits_WithMostOfTwoMegabytesOfProse_AreRefusedAsTooCostly_AtTheFirstTable()
    {
        // The measured shape: 11,976 cells (499 rows of 24 with the header; HP0076 counts the delimiter row too), 1,000 notes, prose to 1.9 MB (527 MB).
        var text = new System.Text.StringBuilder(Drafts.Header()).Append("## One\n\n");
        var tableLine = text.ToString().Count(c => c == '\n') + 1;
        text.Append("| ").Append(string.Join(" | ", Enumerable.Range(0, 24).Select(c => $"H{c}"))).Append(" |\n|")
            .Append(string.Concat(Enumerable.Repeat("---|", 24))).Append('\n');
        for (var row = 0; row < 498; row++) text.Append("| ").Append(string.Join(" | ", Enumerable.Range(0, 24).Select(c => $"{row}.{c}"))).Append(" |\n");
        text.Append('\n');
        for (var note = 1; note <= 1000; note++) text.Append($"A claim.[^{note}] ");
        text.Append("\n\n");
        var paragraph = string.Join(' ', Enumerable.Repeat("The corridor carries cargo across the Caspian Sea.", 20)) + "\n\n";
        while (text.Length < 1_800_000) text.Append(paragraph);
        for (var note = 1; note <= 1000; note++) text.Append($"[^{note}]: A source, page {note}.\n");

        var result = Drafts.Parse(text.ToString());

        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal("HP0081", problem.Code);
        Assert.Equal(tableLine, problem.Line);
        Assert.Contains("11,976 table cells, 1,000 footnotes", problem.Message);
    }

    [Fact]
    public void TwoMegabytesOfPlainProse_AreAccepted()
    {
        var result = ParseWithFigures(2_000_000);

        Assert.Empty(result.Diagnostics);
    }

    private static ParseResult ParseWithFigures(int proseBytes, params (string Name, byte[] Png)[] figures)
    {
        var text = new System.Text.StringBuilder(Drafts.Header()).Append("## One\n\n");
        foreach (var (name, _) in figures) text.Append($"![A picture]({name})\n\n");
        var paragraph = string.Join(' ', Enumerable.Repeat("The corridor carries cargo across the Caspian Sea.", 20)) + "\n\n";
        while (text.Length < proseBytes) text.Append(paragraph);
        return Drafts.Parse(text.ToString(), new MemoryDraftAssets(figures.ToDictionary(f => f.Name, f => f.Png)));
    }

    /// <summary>An RGB or RGBA PNG of one colour, 8 or 16 bits, Adam7-interlaced when asked (tens of KB even at the limit).</summary>
    private static byte[] SolidPng(int width, int height, bool alpha, byte shade, byte depth = 8, bool interlaced = false)
    {
        using var output = new MemoryStream();
        TestImages.PngSignatureAndHeader(output, width, height, (byte)(alpha ? 6 : 2), depth, interlaced);
        var channels = alpha ? 4 : 3;
        var sampleBytes = depth / 8;
        TestImages.PngPixelsAndEnd(output, CompressionLevel.Optimal, rows =>
        {
            foreach (var pass in TestImages.PngPasses(width, height, interlaced))
            {
                var row = new byte[1 + pass.Columns * channels * sampleBytes];
                for (var i = 1; i < row.Length; i++) row[i] = (i - 1) / sampleBytes % channels == 3 ? (byte)128 : shade;
                for (var y = 0; y < pass.Rows; y++) rows.Write(row);
            }
        });
        return output.ToArray();
    }
}
