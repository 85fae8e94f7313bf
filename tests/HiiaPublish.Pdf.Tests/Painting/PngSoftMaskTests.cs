using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using HiiaPublish.Pdf.Painting;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace HiiaPublish.Pdf.Tests.Painting;

/// <summary>
/// A PNG with transparency prints with it: drawn on a white page and rasterised by poppler, a transparent pixel is
/// the page's white, an opaque one its own colour, and a half-transparent one the blend of the two. PDFsharp in PDF/A
/// wrote no soft mask, so every such pixel printed in its own colour (the red box of the bug report).
/// </summary>
public class PngSoftMaskTests
{
    private const int Scale = 4;

    public static TheoryData<byte, byte, bool, bool> TransparentKinds()
    {
        // colour type, bit depth, tRNS (else an alpha channel); each plain and Adam7-interlaced
        (byte, byte, bool)[] kinds =
        [
            (6, 8, false), (6, 16, false), (4, 8, false), (4, 16, false),
            (2, 8, true), (2, 16, true),
            (0, 1, true), (0, 2, true), (0, 4, true), (0, 8, true), (0, 16, true),
            (3, 1, true), (3, 2, true), (3, 4, true), (3, 8, true),
        ];
        var data = new TheoryData<byte, byte, bool, bool>();
        foreach (var (type, depth, trns) in kinds)
        {
            data.Add(type, depth, trns, false);
            data.Add(type, depth, trns, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TransparentKinds))]
    public void APngWithTransparency_ShowsThePageThroughItsTransparentPixels_AndBlendsTheHalfTransparentOnes(byte colourType, byte bitDepth, bool transparentColour, bool interlaced)
    {
        var source = TransparentPng.Make(23, 13, colourType, bitDepth, transparentColour, seed: colourType * 100 + bitDepth, interlaced: interlaced);

        var pdf = PngPassThroughTests.PdfShowing(source.Png, source.Width, source.Height, out _);

        var folder = RepositoryPaths.Output("png-soft-mask");
        Directory.CreateDirectory(folder);
        var name = $"png-{colourType}-{bitDepth}{(transparentColour ? "-trns" : "")}{(interlaced ? "-interlaced" : "")}";
        File.WriteAllBytes(Path.Combine(folder, name + ".pdf"), pdf);
        var (width, height, rgb) = PngPassThroughTests.Rasterise(Path.Combine(folder, name + ".pdf"), Path.Combine(folder, name));
        Assert.Equal((source.Width * Scale, source.Height * Scale), (width, height));
        var wrong = new List<string>();
        int transparent = 0, opaque = 0, blended = 0;
        for (var y = 0; y < source.Height; y++)
            for (var x = 0; x < source.Width; x++)
            {
                var at = ((y * Scale + Scale / 2) * width + x * Scale + Scale / 2) * 3;
                var (colour, alpha) = source.Pixel(x, y);
                if (alpha == 0) transparent++; else if (alpha == 1) opaque++; else blended++;
                for (var c = 0; c < 3; c++)
                {
                    var expected = (int)Math.Round(colour[c] * alpha + 255 * (1 - alpha));
                    if (Math.Abs(rgb[at + c] - expected) > 2)
                        wrong.Add($"({x},{y})[{c}] alpha {alpha:0.###}: {rgb[at + c]} not {expected}");
                }
            }
        Assert.True(wrong.Count == 0, $"{wrong.Count} samples differ, first: {string.Join("; ", wrong.Take(5))}");
        Assert.True(transparent > 0 && opaque > 0, "the picture has transparent and opaque pixels both");
        if (!transparentColour || (colourType == 3 && bitDepth > 1)) Assert.True(blended > 0, "the picture has half-transparent pixels");
    }

    [Theory]
    [InlineData((byte)6, (byte)8)]
    [InlineData((byte)3, (byte)8)]
    public void TheImage_HasASoftMaskOfItsSize_InDeviceGray(byte colourType, byte bitDepth)
    {
        var source = TransparentPng.Make(23, 13, colourType, bitDepth, transparentColour: colourType == 3, seed: 1);

        var pdf = PngPassThroughTests.PdfShowing(source.Png, source.Width, source.Height, out _);

        var folder = RepositoryPaths.Output("png-soft-mask");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"list-{colourType}-{bitDepth}.pdf");
        File.WriteAllBytes(path, pdf);
        // pdfimages -list: "page num type width height color comp bpc enc interp object ID ...", one line per image.
        var lines = PdfImagesList(path);
        Assert.Equal(2, lines.Length);
        Assert.Equal(["image", "23", "13"], lines[0][2..5]);
        Assert.Equal(["smask", "23", "13", "gray", "1"], lines[1][2..7]);
    }

    [Fact]
    public void APngWithTransparency_IsDecodedOnce_AndItsMaskCopiedIntoEachDocument()
    {
        var source = TransparentPng.Make(8, 4, 6, 8, transparentColour: false, seed: 2);
        var cache = new ImageStreamCache();

        var first = cache.Get(source.Png);
        var again = cache.Get([.. source.Png]);

        Assert.Same(first, again);
        Assert.Null(first.Decoded);
        PdfImage MaskedImageIn(PdfDocument document)
        {
            var image = new PdfImage(document, PdfSharp.Drawing.XImage.FromStream(new MemoryStream(TestImages.Png(1, 1))));
            document.Internals.AddObject(image);
            first.CopyInto(image);
            return image;
        }
        using var one = new PdfDocument();
        using var two = new PdfDocument();
        var inOne = MaskedImageIn(one);
        var inTwo = MaskedImageIn(two);
        var maskOne = Assert.IsType<PdfDictionary>(((PdfReference)inOne.Elements["/SMask"]!).Value);
        var maskTwo = Assert.IsType<PdfDictionary>(((PdfReference)inTwo.Elements["/SMask"]!).Value);
        Assert.Same(one, maskOne.Owner);
        Assert.Same(two, maskTwo.Owner);
        Assert.Equal(maskOne.Stream.Value, maskTwo.Stream.Value);
    }

    [Fact]
    public void APngWithAlpha_WhoseDataEndsEarly_IsRefusedWithTheRowItEndsAt()
    {
        var source = TransparentPng.Make(8, 6, 6, 8, transparentColour: false, seed: 3, rowsWritten: 4);

        var failure = Assert.Throws<InvalidDataException>(() => EncodedImage.Encode(source.Png));

        Assert.Contains("row 5 of 6", failure.Message);
    }

    [Fact]
    public void AnInterlacedPngWithAlpha_WhoseDataEndsEarly_IsRefusedWithTheStoredRowItEndsAt()
    {
        // 8 × 6 in Adam7 stores 1 + 1 + 1 + 2 + 1 + 3 + 3 = 12 rows across its passes.
        var source = TransparentPng.Make(8, 6, 6, 8, transparentColour: false, seed: 3, rowsWritten: 7, interlaced: true);

        var failure = Assert.Throws<InvalidDataException>(() => EncodedImage.Encode(source.Png));

        Assert.Contains("row 8 of 12", failure.Message);
    }

    private static string[][] PdfImagesList(string pdfPath)
    {
        using var process = Process.Start(new ProcessStartInfo("pdfimages", ["-list", pdfPath]) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("pdfimages did not start; run scripts/install-deps.sh (poppler-utils).");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
    }
}

/// <summary>
/// A PNG made here with transparency and its pixels known, rows stored with all five PNG filters in turn: an alpha
/// channel (grey+alpha, RGBA) whose columns go transparent, opaque and half-transparent in turn, or a tRNS chunk — a
/// transparent grey or RGB value that every third column holds, or an alpha per palette entry.
/// </summary>
internal sealed record TransparentPng(byte[] Png, int Width, int Height, byte ColourType, byte BitDepth, int[,,] Samples, byte[]? Palette, byte[]? Transparency)
{
    public static TransparentPng Make(int width, int height, byte colourType, byte bitDepth, bool transparentColour, int seed, int? rowsWritten = null, bool interlaced = false)
    {
        var random = new Random(seed);
        var channels = colourType switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 };
        var max = (1 << bitDepth) - 1;
        var samples = new int[height, width, channels];
        byte[]? palette = null, transparency = null;
        if (colourType == 3)
        {
            palette = new byte[3 * (1 << bitDepth)];
            random.NextBytes(palette);
            // Entry 0 transparent, 1 opaque, the rest any alpha; past 1 bit the chunk is one entry short, so the last is opaque.
            transparency = new byte[Math.Max(2, (1 << bitDepth) - 1)];
            random.NextBytes(transparency);
            (transparency[0], transparency[1]) = (0, 255);
        }
        else if (transparentColour)
        {
            transparency = new byte[channels * 2];
            for (var c = 0; c < channels; c++)
                BinaryPrimitives.WriteUInt16BigEndian(transparency.AsSpan(2 * c), (ushort)random.Next(max + 1));
        }
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < channels; c++)
                    samples[y, x, c] = random.Next(max + 1);
                if (colourType == 3 && x < 2)
                    samples[y, x, 0] = x; // a transparent and an opaque entry in every row
                else if (transparentColour && colourType != 3 && x % 3 == 0)
                    for (var c = 0; c < channels; c++)
                        samples[y, x, c] = BinaryPrimitives.ReadUInt16BigEndian(transparency.AsSpan(2 * c));
                else if (!transparentColour && x % 3 < 2)
                    samples[y, x, channels - 1] = x % 3 == 0 ? 0 : max;
            }

        var (png, _) = TestPng.Encode(samples, colourType, bitDepth, interlaced, palette, transparency, rowsWritten);
        return new TransparentPng(png, width, height, colourType, bitDepth, samples, palette, transparency);
    }

    /// <summary>What pixel (x, y) is: its colour in 8 bits a channel and its opacity from 0 (transparent) to 1.</summary>
    public (int[] Colour, double Alpha) Pixel(int x, int y)
    {
        var max = (1 << BitDepth) - 1;
        int To8(int v) => (int)Math.Round(v * 255.0 / max);
        switch (ColourType)
        {
            case 3:
                var index = Samples[y, x, 0];
                var alpha = index < Transparency!.Length ? Transparency[index] / 255.0 : 1;
                return ([Palette![3 * index], Palette[3 * index + 1], Palette[3 * index + 2]], alpha);
            case 6:
                return ([To8(Samples[y, x, 0]), To8(Samples[y, x, 1]), To8(Samples[y, x, 2])], Samples[y, x, 3] / (double)max);
            case 4:
                return ([To8(Samples[y, x, 0]), To8(Samples[y, x, 0]), To8(Samples[y, x, 0])], Samples[y, x, 1] / (double)max);
        }
        var channels = ColourType == 2 ? 3 : 1;
        var isTransparent = Enumerable.Range(0, channels).All(c => Samples[y, x, c] == BinaryPrimitives.ReadUInt16BigEndian(Transparency.AsSpan(2 * c)));
        int[] colour = channels == 3 ? [To8(Samples[y, x, 0]), To8(Samples[y, x, 1]), To8(Samples[y, x, 2])] : [To8(Samples[y, x, 0]), To8(Samples[y, x, 0]), To8(Samples[y, x, 0])];
        return (colour, isTransparent ? 0 : 1);
    }
}
