using System.Buffers.Binary;
using CsCheck;
using HiiaPublish.Pdf.Painting;
using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;
using UglyToad.PdfPig;

namespace HiiaPublish.Pdf.Tests.Painting;

/// <summary>
/// A picture with more pixels than its placed size shows at 300 ppi goes into the PDF made smaller: read back by
/// PdfPig, its image is the size that density needs, and its samples (and its soft mask's) are exactly the area
/// averages that this test computes on its own from the pixels it wrote, for every PNG kind, plain and interlaced.
/// </summary>
public class PngDownscaleTests
{
    // 37 × 23 pixels placed where 300 ppi needs 10 × 7: ratios 3.7 and 3.29, so source pixels are cut at the edges.
    private const int SourceWidth = 37, SourceHeight = 23, KeptWidth = 10, KeptHeight = 7;

    public static TheoryData<byte, byte, bool, bool> Kinds()
    {
        // colour type, bit depth, transparency (alpha channel or tRNS), each plain and interlaced
        (byte, byte, bool)[] kinds =
        [
            (0, 1, false), (0, 2, false), (0, 4, false), (0, 8, false), (0, 16, false), (2, 8, false), (2, 16, false),
            (3, 1, false), (3, 2, false), (3, 4, false), (3, 8, false),
            (4, 8, true), (4, 16, true), (6, 8, true), (6, 16, true),
            (0, 1, true), (0, 4, true), (0, 8, true), (0, 16, true), (2, 8, true), (2, 16, true), (3, 2, true), (3, 8, true),
        ];
        var data = new TheoryData<byte, byte, bool, bool>();
        foreach (var (type, depth, transparent) in kinds)
        {
            data.Add(type, depth, transparent, false);
            data.Add(type, depth, transparent, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void APictureFinerThanItsPlacement_IsTheAreaAverageOfItsPixels_AtThePlacementsDensity(byte colourType, byte bitDepth, bool transparent, bool interlaced)
    {
        var source = Source.Make(colourType, bitDepth, transparent, interlaced, seed: colourType * 100 + bitDepth);

        var pdf = PdfPlacing(source.Png, KeptWidth * 72.0 / 300, KeptHeight * 72.0 / 300);

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var image = Assert.Single(document.GetPage(1).GetImages());
        Assert.Equal((KeptWidth, KeptHeight), (image.WidthInSamples, image.HeightInSamples));
        var outputBits = bitDepth == 16 ? 16 : 8;
        Assert.Equal(outputBits, image.BitsPerComponent);
        Assert.True(image.TryGetBytesAsMemory(out var colour), "PdfPig decodes the image stream");
        var (expectedColour, expectedAlpha) = source.AreaAverage(KeptWidth, KeptHeight);
        Assert.Equal(expectedColour, Samples(colour.Span, outputBits));
        if (expectedAlpha is null)
        {
            Assert.Null(image.MaskImage);
            return;
        }
        var mask = Assert.IsAssignableFrom<UglyToad.PdfPig.Content.IPdfImage>(image.MaskImage);
        Assert.Equal((KeptWidth, KeptHeight), (mask.WidthInSamples, mask.HeightInSamples));
        Assert.True(mask.TryGetBytesAsMemory(out var alpha), "PdfPig decodes the soft mask");
        Assert.Equal(expectedAlpha, Samples(alpha.Span, mask.BitsPerComponent));
    }

    [Fact]
    public void AnyPictureOfAnyKind_MadeSmallerToAnySize_IsTheAreaAverageOfItsPixels()
    {
        var kinds = Kinds().Select(row => ((byte)row[0], (byte)row[1], (bool)row[2], (bool)row[3])).ToArray();
        Gen.Select(Gen.Int[0, kinds.Length - 1], Gen.Int[2, 31], Gen.Int[1, 31], Gen.Int[0, int.MaxValue]).Sample((kind, width, height, seed) =>
        {
            var (colourType, bitDepth, transparent, interlaced) = kinds[kind];
            // Narrower than the source, so it is always made smaller; any height up to the source's.
            int keptWidth = 1 + seed % (width - 1), keptHeight = 1 + seed / 31 % height;
            var source = Source.Make(colourType, bitDepth, transparent, interlaced, seed, width, height);

            var pdf = PdfPlacing(source.Png, keptWidth * 72.0 / 300, keptHeight * 72.0 / 300);

            using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
            var image = Assert.Single(document.GetPage(1).GetImages());
            Assert.Equal((keptWidth, keptHeight), (image.WidthInSamples, image.HeightInSamples));
            Assert.True(image.TryGetBytesAsMemory(out var colour));
            var (expectedColour, expectedAlpha) = source.AreaAverage(keptWidth, keptHeight);
            Assert.Equal(expectedColour, Samples(colour.Span, bitDepth == 16 ? 16 : 8));
            if (expectedAlpha is not null)
            {
                Assert.True(image.MaskImage!.TryGetBytesAsMemory(out var alpha));
                Assert.Equal(expectedAlpha, Samples(alpha.Span, image.MaskImage.BitsPerComponent));
            }
        }, iter: 60, threads: 1);
    }

    [Theory]
    [InlineData((byte)2, (byte)8)]
    [InlineData((byte)3, (byte)4)]
    [InlineData((byte)0, (byte)16)]
    public void APictureNoFinerThanItsPlacement_PassesThroughUnchanged(byte colourType, byte bitDepth)
    {
        var source = SourcePng.Make(SourceWidth, SourceHeight, colourType, bitDepth, interlaced: false, seed: 4);

        // Exactly 300 ppi: every pixel is needed.
        var encoded = new ImageStreamCache().Get(source.Png, SourceWidth * 72.0 / 300, SourceHeight * 72.0 / 300);
        using var document = new PdfSharp.Pdf.PdfDocument();
        var image = new PdfSharp.Pdf.Advanced.PdfImage(document, XImage.FromStream(new MemoryStream(TestImages.Png(1, 1))));
        encoded.CopyInto(image);

        Assert.Equal((SourceWidth, SourceHeight), encoded.PixelSize);
        Assert.Equal(source.Idat, image.Stream.Value);
    }

    [Fact]
    public void TwoPlacementsOfOnePicture_KeepEachTheSizeItNeeds_AndShareOneEncodingWhenTheyNeedTheSame()
    {
        var source = SourcePng.Make(SourceWidth, SourceHeight, 2, 8, interlaced: false, seed: 6);
        var cache = new ImageStreamCache();

        var small = cache.Get(source.Png, 2.4, 1.68);
        var sameSize = cache.Get(source.Png, 2.4, 1.68);
        var large = cache.Get(source.Png, 100, 100);

        Assert.Same(small, sameSize);
        Assert.Equal((KeptWidth, KeptHeight), small.PixelSize);
        Assert.Equal((SourceWidth, SourceHeight), large.PixelSize);
    }

    [Fact]
    public void DownscalingA4096SquarePicture_AllocatesAFractionOfItsDecodedPixels()
    {
        const int Side = 4096;
        var png = LargeRgba(Side);
        var chunks = PngChunks.TryRead(png)!;
        // A 16 cm column at 300 ppi.
        var (width, height) = PngDownscale.Kept(Side, Side, 16 / 2.54 * 72, 16 / 2.54 * 72);
        Assert.Equal((1890, 1890), (width, height));
        PngDownscale.Of(PngChunks.TryRead(TestImages.PngVariant(9, 9, 6, 8, interlaced: false))!, 3, 3); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = PngDownscale.Of(chunks, width, height);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var decoded = (long)Side * Side * 4;
        var written = result.Colour.Length + result.Mask!.Length;
        // What may be allocated: the compressed output (a MemoryStream grows by doubling, then ToArray: ~4 times it),
        // a few rows, and the zlib buffers; never the decoded image (64 MiB here).
        Assert.True(allocated < 4L * written + (4L << 20), $"{allocated:N0} bytes allocated for {written:N0} bytes written");
        Assert.True(allocated < decoded / 4, $"{allocated:N0} bytes allocated, decoded pixels would be {decoded:N0}");
    }

    /// <summary>A 4,096² RGBA picture with smooth gradients and a transparent border, as a chart or a photo cut-out is.</summary>
    private static byte[] LargeRgba(int side)
    {
        var samples = new int[side, side, 4];
        for (var y = 0; y < side; y++)
            for (var x = 0; x < side; x++)
            {
                samples[y, x, 0] = x * 255 / side;
                samples[y, x, 1] = y * 255 / side;
                samples[y, x, 2] = (x ^ y) & 0xFF;
                samples[y, x, 3] = x < 64 || y < 64 ? 0 : 255;
            }
        return TestPng.Encode(samples, 6, 8, interlaced: false).Png;
    }

    private static int[] Samples(ReadOnlySpan<byte> span, int bits)
    {
        var bytes = span.ToArray();
        return bits == 16
            ? Enumerable.Range(0, bytes.Length / 2).Select(i => bytes[2 * i] << 8 | bytes[2 * i + 1]).ToArray()
            : bytes.Select(b => (int)b).ToArray();
    }

    /// <summary>A one-page PDF/A with the picture drawn at the given size, as the painter draws images.</summary>
    internal static byte[] PdfPlacing(byte[] png, double width, double height)
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.SetPdfA();
        var structure = UAManager.ForDocument(document).StructureBuilder;
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(72);
        page.Height = XUnit.FromPoint(72);
        var resources = new PaintResources();
        var encoded = new ImageStreamCache().Get(png, width, height);
        Assert.Null(encoded.Decoded);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            structure.BeginElement(PdfIllustrationElementTag.Figure, "A figure", new XRect(0, 0, width, height));
            gfx.DrawImage(resources.PlaceholderFor(encoded), 0, 0, width, height);
            structure.End();
        }
        resources.FillImages(document);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>A test picture and its pixels as a reader sees them: colour samples at the output depth, and alpha.</summary>
    private sealed record Source(byte[] Png, int ColourCount, int[,,] Colour, int[,]? Alpha)
    {
        private int SourceHeight => Colour.GetLength(0);
        private int SourceWidth => Colour.GetLength(1);

        public static Source Make(byte colourType, byte bitDepth, bool transparent, bool interlaced, int seed,
            int width = PngDownscaleTests.SourceWidth, int height = PngDownscaleTests.SourceHeight)
        {
            if (!transparent)
            {
                var plain = SourcePng.Make(width, height, colourType, bitDepth, interlaced, seed);
                return FromSamples(plain.Png, colourType, bitDepth, plain.Samples, plain.Palette, null);
            }
            var masked = TransparentPng.Make(width, height, colourType, bitDepth, transparentColour: colourType is not (4 or 6), seed, interlaced: interlaced);
            return FromSamples(masked.Png, colourType, bitDepth, masked.Samples, masked.Palette, masked.Transparency);
        }

        private static Source FromSamples(byte[] png, byte colourType, byte bitDepth, int[,,] samples, byte[]? palette, byte[]? transparency)
        {
            int height = samples.GetLength(0), width = samples.GetLength(1);
            var colours = colourType is 2 or 3 or 6 ? 3 : 1;
            var max = (1 << bitDepth) - 1;
            var colour = new int[height, width, colours];
            var hasAlpha = colourType is 4 or 6 || transparency is not null;
            var alpha = hasAlpha ? new int[height, width] : null;
            for (var y = 0; y < height; y++)
                for (var x = 0; x < width; x++)
                {
                    if (colourType == 3)
                    {
                        var index = samples[y, x, 0];
                        for (var c = 0; c < 3; c++) colour[y, x, c] = palette![3 * index + c];
                        if (alpha is not null) alpha[y, x] = index < transparency!.Length ? transparency[index] : 255;
                        continue;
                    }
                    for (var c = 0; c < colours; c++)
                        colour[y, x, c] = bitDepth < 8 ? (int)Math.Round(samples[y, x, c] * 255.0 / max) : samples[y, x, c];
                    if (colourType is 4 or 6)
                        alpha![y, x] = samples[y, x, colours];
                    else if (alpha is not null)
                        alpha[y, x] = Enumerable.Range(0, colours).All(c => samples[y, x, c] == BinaryPrimitives.ReadUInt16BigEndian(transparency.AsSpan(2 * c))) ? 0 : 255;
                }
            return new Source(png, colours, colour, alpha);
        }

        /// <summary>
        /// Each kept pixel as the mean of the source's unit squares it covers, each weighted by the area of their
        /// overlap (the kept pixel's square scaled back onto the source), colour weighted by alpha, rounded half up.
        /// </summary>
        public (int[] Colour, int[]? Alpha) AreaAverage(int width, int height)
        {
            var colour = new int[width * height * ColourCount];
            var alpha = Alpha is null ? null : new int[width * height];
            for (var ky = 0; ky < height; ky++)
                for (var kx = 0; kx < width; kx++)
                {
                    // In units of 1/(kept size) of a source pixel: the kept pixel spans [k·S, (k+1)·S), source pixel s [s·K, (s+1)·K).
                    long weights = 0, alphaSum = 0;
                    var sums = new long[ColourCount];
                    for (var y = 0; y < SourceHeight; y++)
                    {
                        var overlapY = Overlap(ky * SourceHeight, (ky + 1) * SourceHeight, y * height, (y + 1) * height);
                        if (overlapY == 0) continue;
                        for (var x = 0; x < SourceWidth; x++)
                        {
                            var overlap = overlapY * Overlap(kx * SourceWidth, (kx + 1) * SourceWidth, x * width, (x + 1) * width);
                            if (overlap == 0) continue;
                            long a = Alpha?[y, x] ?? 1;
                            weights += overlap;
                            alphaSum += overlap * a;
                            for (var c = 0; c < ColourCount; c++) sums[c] += overlap * a * Colour[y, x, c];
                        }
                    }
                    for (var c = 0; c < ColourCount; c++)
                        colour[(ky * width + kx) * ColourCount + c] = alphaSum == 0 ? 0 : (int)((sums[c] + alphaSum / 2) / alphaSum);
                    if (alpha is not null)
                        alpha[ky * width + kx] = (int)((alphaSum + weights / 2) / weights);
                }
            return (colour, alpha);
        }

        private static long Overlap(long start, long end, long otherStart, long otherEnd) =>
            Math.Max(0, Math.Min(end, otherEnd) - Math.Max(start, otherStart));
    }
}
