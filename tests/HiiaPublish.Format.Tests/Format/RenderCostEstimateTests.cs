using System.Buffers.Binary;
using System.IO.Compression;
using HiiaPublish.Format.Tests.Support;

namespace HiiaPublish.Format.Tests.Format;

/// <summary>
/// The joint estimate of a render's memory (HP0080) at the real limits: pictures the PDF writer must decode count by
/// their pixels, pictures that go in as they are by their size, and the draft by its bytes. The drafts are the shapes
/// measured in docs/performance.md ("Images: embedded as they are"): two alpha PNGs at the pixel limit peaked at
/// 646 MB, one with 1 MB of prose at 650 MB; one alone at 406 MB, two plain RGB PNGs at 92 MB.
/// </summary>
public class RenderCostEstimateTests
{
    private const int Limit = 4096;

    [Fact]
    public void TwoPicturesWithAlphaAtThePixelLimit_AreRefusedAsTooCostly_AtTheSecond()
    {
        var result = ParseWithFigures(0, ("a.png", SolidPng(Limit, Limit, alpha: true, 1)), ("b.png", SolidPng(Limit, Limit, alpha: true, 2)));

        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal("HP0080", problem.Code);
        Assert.Contains("'b.png'", problem.Message);
        Assert.Contains("more than the 512 MB a render may use", problem.Message);
        Assert.Null(result.Perspective);
    }

    [Fact]
    public void OnePictureWithAlphaAtThePixelLimit_IsAccepted()
    {
        var result = ParseWithFigures(0, ("a.png", SolidPng(Limit, Limit, alpha: true, 1)));

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void OnePictureWithAlphaAtThePixelLimit_AndAMegabyteOfProse_IsRefusedAsTooCostly()
    {
        var result = ParseWithFigures(1_000_000, ("a.png", SolidPng(Limit, Limit, alpha: true, 1)));

        Assert.Equal(["HP0080"], result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void TwoPlainPicturesAtThePixelLimit_WithTwoMegabytesOfProse_AreAccepted_AsTheyGoInAsTheyAre()
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

    /// <summary>An 8-bit RGB or RGBA PNG of one colour (a few tens of KB even at the limit).</summary>
    private static byte[] SolidPng(int width, int height, bool alpha, byte shade)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (8, (byte)(alpha ? 6 : 2));
        TestImages.PngChunk(output, "IHDR", header);
        var channels = alpha ? 4 : 3;
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
            {
                var row = new byte[1 + width * channels];
                for (var i = 1; i < row.Length; i++) row[i] = (i - 1) % channels == 3 ? (byte)128 : shade;
                for (var y = 0; y < height; y++) zlib.Write(row);
            }
            TestImages.PngChunk(output, "IDAT", pixels.ToArray());
        }
        TestImages.PngChunk(output, "IEND", []);
        return output.ToArray();
    }
}
