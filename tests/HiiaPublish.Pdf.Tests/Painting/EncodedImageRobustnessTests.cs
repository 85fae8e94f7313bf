using System.Buffers.Binary;
using System.Text;
using CsCheck;
using HiiaPublish.Format;
using HiiaPublish.Pdf.Painting;

namespace HiiaPublish.Pdf.Tests.Painting;

/// <summary>
/// The check of a draft and the PDF writer agree on images: every PNG variant (each colour type and bit depth,
/// interlaced or not, with a transparent colour or not) passes the check and is encoded for PDF without an exception
/// and without PDFsharp decoding it; a JPEG PDFsharp cannot import is refused as a kind the PDF cannot hold (HP0078).
/// Damaged data ends in one clear exception.
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
    public void EveryPngVariant_PassesTheCheck_AndIsEncoded(byte colourType, byte bitDepth, bool interlaced)
    {
        var png = TestImages.PngVariant(13, 7, colourType, bitDepth, interlaced);

        Assert.Empty(CheckWithFigure(png, "figure.png"));
        var encoded = EncodedImage.Encode(png);
        Assert.Null(encoded.Decoded);
        Assert.Equal((13, 7), encoded.PixelSize);
    }

    public static TheoryData<byte, byte, bool> TransparentColourVariants()
    {
        var data = new TheoryData<byte, byte, bool>();
        (byte Type, byte[] Depths)[] kinds = [(0, [1, 2, 4, 8, 16]), (2, [8, 16]), (3, [1, 2, 4, 8])];
        foreach (var (type, depths) in kinds)
            foreach (var depth in depths)
                foreach (var interlaced in new[] { false, true })
                    data.Add(type, depth, interlaced);
        return data;
    }

    [Theory]
    [MemberData(nameof(TransparentColourVariants))]
    public void APngWithATransparentColour_AtEveryDepth_PassesTheCheck_AndIsEncodedWithASoftMask(byte colourType, byte bitDepth, bool interlaced)
    {
        var transparent = SourcePng.Make(9, 5, colourType, bitDepth, interlaced, seed: 5, transparency: true);

        Assert.Empty(CheckWithFigure(transparent.Png, "figure.png"));
        using var document = new PdfSharp.Pdf.PdfDocument();
        var image = new PdfSharp.Pdf.Advanced.PdfImage(document, PdfSharp.Drawing.XImage.FromStream(new MemoryStream(TestImages.Png(1, 1))));
        EncodedImage.Encode(transparent.Png).CopyInto(image);
        Assert.True(image.Elements.ContainsKey("/SMask"));
    }

    [Theory]
    [InlineData("tRNS", new byte[] { 0, 1, 0 }, "transparency chunk (tRNS)")]
    [InlineData("PLTE", new byte[] { 1, 2, 3, 4 }, "palette chunk (PLTE)")]
    public void AChunkThatDoesNotFitItsImage_IsDamage_NamedByTheCheck(string chunk, byte[] body, string named)
    {
        // A grey PNG with a tRNS of three bytes (PNG gives grey two), or any PNG with a palette not of whole colours.
        var png = TestImages.PngVariant(6, 4, 0, 8, interlaced: false);
        byte[] withChunk = [.. png[..33], .. Chunk(chunk, body), .. png[33..]];

        var draft = $"---\ntitle: T\ndate: 2026-04-21\nauthors: [A B]\nabstract: A.\n---\n\n## One\n\n![A figure](figure.png)\n";
        var result = new PerspectiveParser().Parse(new DraftSource("d.md", Encoding.UTF8.GetBytes(draft),
            new MemoryDraftAssets(new Dictionary<string, byte[]> { ["figure.png"] = withChunk })));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("HP0070", diagnostic.Code);
        Assert.Contains(named, diagnostic.Message);
        Assert.IsType<InvalidDataException>(Record.Exception(() => EncodedImage.Encode(withChunk)));
    }

    private static byte[] Chunk(string type, byte[] body)
    {
        using var output = new MemoryStream();
        TestImages.PngChunk(output, type, body);
        return output.ToArray();
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
        // Every cut loses at least the end chunk (IEND): the painter names it, and PDFsharp never sees the bytes.
        for (var length = 8; length < png.Length; length += 3)
        {
            var cut = png[..length];
            Assert.IsType<InvalidDataException>(Record.Exception(() => EncodedImage.Encode(cut)));
        }
    }

    [Fact]
    public void AnyPngTheCheckAccepts_AfterAnyDamageToItsData_IsEncodedAtAnySize_AndAnyItRefusesIsDamage()
    {
        (byte Type, byte Depth)[] kinds = [(0, 1), (0, 2), (0, 4), (0, 8), (0, 16), (2, 8), (2, 16), (3, 1), (3, 2), (3, 4), (3, 8), (4, 8), (4, 16), (6, 8), (6, 16)];
        Gen.Select(Gen.Int[0, kinds.Length - 1], Gen.Int[1, 24], Gen.Int[1, 24], Gen.Bool, Gen.Int[0, int.MaxValue]).Sample((kind, width, height, interlaced, seed) =>
        {
            var (type, depth) = kinds[kind];
            var png = Damaged(TestImages.PngVariant(width, height, type, depth, interlaced, seed), seed);

            var codes = CheckWithFigure(png, "figure.png");

            if (codes.Length > 0)
            {
                // Refused as damage with a position (HP0070), never as a kind the PDF cannot hold.
                Assert.Equal(["HP0070"], codes);
                return;
            }
            // Accepted: the painter encodes it, at its own size and made smaller, without an exception.
            Assert.Null(Record.Exception(() => EncodedImage.Encode(png)));
            Assert.Null(Record.Exception(() => EncodedImage.Encode(png, (1 + seed % width, 1 + seed / 7 % height))));
        }, iter: 200, threads: 1);
    }

    /// <summary>
    /// The PNG with its zlib data damaged as bad luck would (a byte changed, the data cut short, or bytes appended)
    /// and its IDAT checksum put right, so only the check's full read can tell; one seed in four leaves it whole.
    /// </summary>
    private static byte[] Damaged(byte[] png, int seed)
    {
        var random = new Random(seed);
        const int IdatAt = 33; // PngVariant: signature, IHDR, then (a palette, then) one IDAT
        var at = IdatAt;
        while (System.Text.Encoding.ASCII.GetString(png, at + 4, 4) != "IDAT")
            at += 12 + BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
        var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
        var data = png.AsSpan(at + 8, length).ToArray();
        data = (seed % 4) switch
        {
            0 => data,
            1 => Changed(data, random),
            2 => data[..random.Next(0, data.Length)],
            _ => [.. data, .. Enumerable.Range(0, random.Next(1, 9)).Select(_ => (byte)random.Next(256))],
        };
        using var output = new MemoryStream();
        output.Write(png.AsSpan(0, at));
        TestImages.PngChunk(output, "IDAT", data);
        output.Write(png.AsSpan(at + 12 + length));
        return output.ToArray();

        static byte[] Changed(byte[] bytes, Random random)
        {
            var copy = bytes.ToArray();
            copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
            return copy;
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
