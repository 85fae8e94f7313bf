using System.Text;
using HiiaPublish.Format;
using HiiaPublish.Pdf.Painting;

namespace HiiaPublish.Pdf.Tests.Painting;

/// <summary>
/// The check of a draft and the PDF writer agree on images: every PNG variant (each colour type and bit depth,
/// interlaced or not) the check accepts is encoded for PDF without an exception, and every one it refuses is refused
/// as a kind the PDF cannot hold (HP0078), never as something else. Damaged data ends in one clear exception.
/// </summary>
public class EncodedImageRobustnessTests
{
    public static TheoryData<byte, byte, bool> Variants()
    {
        var data = new TheoryData<byte, byte, bool>();
        (byte Type, byte[] Depths)[] kinds = [(0, [1, 2, 4, 8, 16]), (2, [8, 16]), (3, [1, 2, 4, 8]), (4, [8, 16]), (6, [8, 16])];
        foreach (var (type, depths) in kinds)
            foreach (var depth in depths)
                foreach (var interlaced in new[] { false, true })
                    data.Add(type, depth, interlaced);
        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void EveryPngVariantTheCheckAccepts_IsEncoded_AndEveryOtherIsRefusedAsUnprintable(byte colourType, byte bitDepth, bool interlaced)
    {
        var png = TestImages.PngVariant(13, 7, colourType, bitDepth, interlaced);

        var codes = CheckWithFigure(png, "figure.png");

        if (codes.Length == 0)
            Assert.Null(Record.Exception(() => EncodedImage.Encode(png)));
        else
        {
            Assert.Equal(["HP0078"], codes);
            // Interlaced grey PDFsharp imports but shows wrong (PngPassThroughTests); 16-bit alpha the soft mask now
            // prints (PngSoftMaskTests) though the check still refuses it; every other refused kind cannot be imported.
            if (colourType is 4 or 6) Assert.Null(Record.Exception(() => EncodedImage.Encode(png)));
            else if (!(colourType == 0 && interlaced)) Assert.NotNull(Record.Exception(() => EncodedImage.Encode(png)));
        }
        // Every 8-bit kind is printable, but interlaced grey (PDFsharp shows it shifted); every kind the PDF takes as it
        // is (not interlaced, grey, RGB or palette) is printable at every depth.
        if (bitDepth == 8 && !(colourType == 0 && interlaced)) Assert.Empty(codes);
        if (!interlaced && colourType is 0 or 2 or 3) Assert.Empty(codes);
        if (colourType == 0 && interlaced) Assert.Equal(["HP0078"], codes);
    }

    [Theory]
    [InlineData((byte)0, (byte)16)]
    [InlineData((byte)2, (byte)16)]
    [InlineData((byte)3, (byte)2)]
    public void AKindOnlyThePassThroughTakes_WithATransparentColour_IsRefusedByTheCheck_ThoughThePdfNowPrintsIt(byte colourType, byte bitDepth)
    {
        var opaque = SourcePng.Make(9, 5, colourType, bitDepth, interlaced: false, seed: 5);
        var transparent = SourcePng.Make(9, 5, colourType, bitDepth, interlaced: false, seed: 5, transparency: true);

        Assert.Empty(CheckWithFigure(opaque.Png, "figure.png"));
        Assert.Equal(["HP0078"], CheckWithFigure(transparent.Png, "figure.png"));
        // The check (Format) still refuses these; the renderer's soft mask prints them (PngSoftMaskTests), so HP0078
        // could be lifted for them.
        Assert.Null(Record.Exception(() => EncodedImage.Encode(transparent.Png)));
    }

    [Fact]
    public void TheBaselineJpeg_PassesTheCheck_AndIsEncoded()
    {
        var jpeg = TestImages.Jpeg(24, 16);

        Assert.Empty(CheckWithFigure(jpeg, "figure.jpg"));
        Assert.Null(EncodedImage.Encode(jpeg).Decoded);
    }

    [Fact]
    public void AJpegWithoutAJfifHeader_IsRefusedByTheCheck_AsPdfSharpCannotImportIt()
    {
        var jfif = TestImages.Jpeg(24, 16);
        // Drop the APP0 segment (FF E0, length 16): a JPEG as some encoders write it.
        byte[] bare = [.. jfif[..2], .. jfif[(2 + 2 + 16)..]];

        Assert.Equal(["HP0078"], CheckWithFigure(bare, "figure.jpg"));
        Assert.NotNull(Record.Exception(() => EncodedImage.Encode(bare)));
    }

    [Fact]
    public void EveryTruncationOfAPng_EndsInOneClearException()
    {
        var png = TestImages.PngVariant(20, 10, 2, 8, interlaced: false);
        for (var length = 8; length < png.Length; length += 3)
        {
            var cut = png[..length];
            var exception = Record.Exception(() => EncodedImage.Encode(cut));
            if (exception is not null) Assert.IsType<InvalidDataException>(exception);
        }
    }

    private static string[] CheckWithFigure(byte[] image, string name)
    {
        var draft = $"---\ntitle: T\ndate: 2026-04-21\nauthors: [A B]\nabstract: A.\n---\n\n## One\n\n![A figure]({name})\n";
        var result = new PerspectiveParser().Parse(new DraftSource("d.md", Encoding.UTF8.GetBytes(draft),
            new MemoryDraftAssets(new Dictionary<string, byte[]> { [name] = image })));
        return result.Diagnostics.Select(d => d.Code).ToArray();
    }
}
