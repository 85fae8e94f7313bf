using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using HiiaPublish.Pdf.Painting;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.UniversalAccessibility;

namespace HiiaPublish.Pdf.Tests.Painting;

/// <summary>
/// A PNG the PDF can show as it is goes in with its compressed data unchanged, and the page shows exactly the
/// source's pixels: every grey, RGB and palette depth, with rows using all five PNG filters, rasterised by poppler.
/// Kinds that cannot pass through go elsewhere: tRNS and alpha get a soft mask (PngSoftMaskTests), interlaced ones
/// are written anew (PngDownscale at their own size), as are pictures finer than their placement (PngDownscaleTests).
/// </summary>
public class PngPassThroughTests
{
    // Each image pixel becomes a Scale × Scale square of the rasterised page; its centre is compared.
    private const int Scale = 4;

    public static TheoryData<byte, byte> PassableKinds() => new()
    {
        { 0, 1 }, { 0, 2 }, { 0, 4 }, { 0, 8 }, { 0, 16 }, { 2, 8 }, { 2, 16 }, { 3, 1 }, { 3, 2 }, { 3, 4 }, { 3, 8 },
    };

    [Theory]
    [MemberData(nameof(PassableKinds))]
    public void APassableKind_KeepsItsCompressedData_AndThePageShowsItsPixels(byte colourType, byte bitDepth)
    {
        var source = SourcePng.Make(19, 11, colourType, bitDepth, interlaced: false, seed: colourType * 100 + bitDepth);

        var pdf = PdfShowing(source.Png, source.Width, source.Height, out var stream);

        Assert.Equal(source.Idat, stream);
        AssertPageShows(source, pdf, $"png-{colourType}-{bitDepth}", tolerance: bitDepth == 16 ? 1 : 0);
    }

    // Interlaced grey once came out a pixel shifted (PDFsharp 6.2.4's decoder), and a 4-bit interlaced palette PDFsharp
    // could not import: now every interlaced kind is put together by PngRows and written anew at its size.
    [Theory]
    [MemberData(nameof(PassableKinds))]
    public void AnInterlacedPng_IsWrittenAnew_AndThePageShowsItsPixels(byte colourType, byte bitDepth)
    {
        var source = SourcePng.Make(19, 11, colourType, bitDepth, interlaced: true, seed: 7);

        Assert.Null(PngPassThrough.TryRead(source.Png));
        var pdf = PdfShowing(source.Png, source.Width, source.Height, out var stream);

        Assert.NotEqual(source.Idat, stream);
        AssertPageShows(source, pdf, $"png-{colourType}-{bitDepth}-interlaced", tolerance: bitDepth == 16 ? 1 : 0);
    }

    [Theory]
    [InlineData((byte)0, (byte)8)]
    [InlineData((byte)2, (byte)8)]
    [InlineData((byte)3, (byte)8)]
    public void APngWithTransparency_IsNotPassedThrough(byte colourType, byte bitDepth)
    {
        var source = SourcePng.Make(9, 5, colourType, bitDepth, interlaced: false, seed: 3, transparency: true);

        Assert.Null(PngPassThrough.TryRead(source.Png));
        Assert.Null(PngPassThrough.TryRead(TestImages.PngVariant(9, 5, 4, 8, interlaced: false)));
        Assert.Null(PngPassThrough.TryRead(TestImages.PngVariant(9, 5, 6, 8, interlaced: false)));
    }

    public static TheoryData<string> SampleImages => new(
        Path.Combine("middle-corridor", "cover.png"),
        Path.Combine("middle-corridor", "corridor-volumes.png"),
        Path.Combine("kozep-europai-energiabiztonsag", "cover.png"));

    [Theory]
    [MemberData(nameof(SampleImages))]
    public void ASampleImagePassedThrough_RastersToTheSamePixels_AsPdfSharpsOwnEncoding(string image)
    {
        var png = File.ReadAllBytes(Path.Combine(RepositoryPaths.Samples, image));
        var (width, height) = (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        const int Points = 1; // a point a pixel: the page rasterised at 72 dpi is the image at its own size

        var passed = PdfShowing(png, width, height, out var passedStream, scale: Points);
        var decoded = PdfShowing(png, width, height, out var decodedStream, scale: Points, throughPdfSharp: true);

        Assert.NotEqual(decodedStream, passedStream);
        var folder = RepositoryPaths.Output("png-pass-through");
        Directory.CreateDirectory(folder);
        var name = image.Replace(Path.DirectorySeparatorChar, '-');
        File.WriteAllBytes(Path.Combine(folder, name + ".passed.pdf"), passed);
        File.WriteAllBytes(Path.Combine(folder, name + ".pdfsharp.pdf"), decoded);
        var passedRaster = Rasterise(Path.Combine(folder, name + ".passed.pdf"), Path.Combine(folder, name + ".passed"));
        var decodedRaster = Rasterise(Path.Combine(folder, name + ".pdfsharp.pdf"), Path.Combine(folder, name + ".pdfsharp"));
        Assert.Equal((width, height), (passedRaster.Width, passedRaster.Height));
        Assert.True(decodedRaster.Rgb.AsSpan().SequenceEqual(passedRaster.Rgb), "the passed-through image rasters to other pixels than PDFsharp's");
    }

    [Fact]
    public void APassedThroughImage_HasTheEntriesPdfSharpWritesForTheDecodedImage_PlusPngPrediction()
    {
        var png = File.ReadAllBytes(RepositoryPaths.Sample("middle-corridor", "corridor-volumes.png"));

        using var document = new PdfDocument();
        var image = FilledImage(document, png, 1200, 700);

        Assert.Equal("/XObject /Image /FlateDecode 1200 700 8 /DeviceRGB",
            string.Join(" ", new[] { "/Type", "/Subtype", "/Filter", "/Width", "/Height", "/BitsPerComponent", "/ColorSpace" }.Select(k => image.Elements[k]!.ToString())));
        var prediction = image.Elements.GetDictionary("/DecodeParms")!;
        Assert.Equal((15, 3, 8, 1200), (prediction.Elements.GetInteger("/Predictor"), prediction.Elements.GetInteger("/Colors"),
            prediction.Elements.GetInteger("/BitsPerComponent"), prediction.Elements.GetInteger("/Columns")));
        Assert.False(image.Elements.ContainsKey("/Interpolate"));
    }

    [Fact]
    public void APaletteImage_IsIndexedOverItsOwnPalette()
    {
        var source = SourcePng.Make(5, 3, 3, 2, interlaced: false, seed: 11);

        using var document = new PdfDocument();
        var image = FilledImage(document, source.Png, 5, 3);

        var space = Assert.IsType<PdfArray>(image.Elements["/ColorSpace"]);
        Assert.Equal("/Indexed /DeviceRGB 3", string.Join(" ", space.Elements.Take(3).Select(e => e.ToString())));
        var lookup = Assert.IsType<PdfDictionary>(((PdfReference)space.Elements[3]).Value);
        Assert.Equal(source.Palette, lookup.Stream.Value);
    }

    [Fact]
    public void TheJpegPath_KeepsTheFileAsItsDctStream()
    {
        var jpeg = TestImages.Jpeg(24, 16);

        using var document = new PdfDocument();
        var image = FilledImage(document, jpeg, 24, 16);

        Assert.Equal("/DCTDecode", image.Elements["/Filter"]!.ToString());
        Assert.Equal(jpeg, image.Stream.Value);
    }

    private static PdfImage FilledImage(PdfDocument document, byte[] data, int width, int height)
    {
        var resources = new PaintResources();
        var encoded = new ImageStreamCache().Get(data);
        Assert.Null(encoded.Decoded);
        document.SetPdfA();
        var structure = UAManager.ForDocument(document).StructureBuilder;
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            structure.BeginElement(PdfIllustrationElementTag.Figure, "A figure", new XRect(0, 0, width, height));
            gfx.DrawImage(resources.PlaceholderFor(encoded), 0, 0, width, height);
            structure.End();
        }
        resources.FillImages(document);
        return Assert.Single(document.Internals.GetAllObjects().OfType<PdfImage>());
    }

    /// <summary>A one-page PDF whose page is the image at <see cref="Scale"/> points a pixel, drawn as the painter draws images.</summary>
    internal static byte[] PdfShowing(byte[] png, int width, int height, out byte[] imageStream, int scale = Scale, bool throughPdfSharp = false)
    {
        using var document = new PdfDocument();
        document.SetPdfA();
        var structure = UAManager.ForDocument(document).StructureBuilder;
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(width * scale);
        page.Height = XUnit.FromPoint(height * scale);
        var resources = new PaintResources();
        var encoded = new ImageStreamCache().Get(png);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            structure.BeginElement(PdfIllustrationElementTag.Figure, "A figure", new XRect(0, 0, width * scale, height * scale));
            if (throughPdfSharp) gfx.DrawImage(XImage.FromStream(new MemoryStream(png)), 0, 0, width * scale, height * scale);
            else if (encoded.Decoded is { } decoded) gfx.DrawImage(decoded, 0, 0, width * scale, height * scale);
            else gfx.DrawImage(resources.PlaceholderFor(encoded), 0, 0, width * scale, height * scale);
            structure.End();
        }
        resources.FillImages(document);
        imageStream = Assert.Single(document.Internals.GetAllObjects().OfType<PdfImage>()).Stream.Value;
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void AssertPageShows(SourcePng source, byte[] pdf, string name, int tolerance)
    {
        var folder = RepositoryPaths.Output("png-pass-through");
        Directory.CreateDirectory(folder);
        var pdfPath = Path.Combine(folder, name + ".pdf");
        File.WriteAllBytes(pdfPath, pdf);
        var (width, height, rgb) = Rasterise(pdfPath, Path.Combine(folder, name));
        Assert.Equal((source.Width * Scale, source.Height * Scale), (width, height));
        var wrong = new List<string>();
        for (var y = 0; y < source.Height; y++)
            for (var x = 0; x < source.Width; x++)
            {
                var at = ((y * Scale + Scale / 2) * width + x * Scale + Scale / 2) * 3;
                var expected = source.Rgb(x, y);
                for (var c = 0; c < 3; c++)
                    if (Math.Abs(rgb[at + c] - expected[c]) > tolerance)
                        wrong.Add($"({x},{y})[{c}] {rgb[at + c]} not {expected[c]}");
            }
        Assert.True(wrong.Count == 0, $"{wrong.Count} samples differ, first: {string.Join("; ", wrong.Take(5))}");
    }

    /// <summary>The page rasterised by poppler at one device pixel a point, as binary PPM.</summary>
    internal static (int Width, int Height, byte[] Rgb) Rasterise(string pdfPath, string stem)
    {
        using (var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", "72", "-singlefile", pdfPath, stem])
               { RedirectStandardError = true }) ?? throw new InvalidOperationException("pdftoppm did not start; run scripts/install-deps.sh (poppler-utils)."))
        {
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, errors);
        }
        var ppm = File.ReadAllBytes(stem + ".ppm");
        // "P6\n<width> <height>\n255\n" then RGB triples.
        var fields = new List<int>();
        var i = 2;
        while (fields.Count < 3)
        {
            while (char.IsWhiteSpace((char)ppm[i])) i++;
            var start = i;
            while (!char.IsWhiteSpace((char)ppm[i])) i++;
            fields.Add(int.Parse(System.Text.Encoding.ASCII.GetString(ppm, start, i - start)));
        }
        return (fields[0], fields[1], ppm[(i + 1)..]);
    }
}

/// <summary>
/// A PNG made for these tests with its pixels known: random samples, each row stored with one of PNG's five filters
/// in turn (so the PDF reader's prediction must undo each), Adam7 interlacing when asked, a tRNS chunk when asked.
/// </summary>
internal sealed record SourcePng(byte[] Png, byte[] Idat, int Width, int Height, byte ColourType, byte BitDepth, int[,,] Samples, byte[]? Palette)
{
    public static SourcePng Make(int width, int height, byte colourType, byte bitDepth, bool interlaced, int seed, bool transparency = false)
    {
        var random = new Random(seed);
        var channels = colourType == 2 ? 3 : 1;
        var max = colourType == 3 ? (1 << bitDepth) - 1 : (1 << bitDepth) - 1;
        var samples = new int[height, width, channels];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                for (var c = 0; c < channels; c++)
                    samples[y, x, c] = random.Next(max + 1);
        byte[]? palette = null;
        if (colourType == 3)
        {
            palette = new byte[3 * (1 << bitDepth)];
            random.NextBytes(palette);
        }

        byte[]? transparencyChunk = transparency ? (colourType == 3 ? [0, 128] : colourType == 2 ? [0, 1, 0, 2, 0, 3] : [0, 1]) : null;
        var (png, idat) = TestPng.Encode(samples, colourType, bitDepth, interlaced, palette, transparencyChunk);
        return new SourcePng(png, idat, width, height, colourType, bitDepth, samples, palette);
    }

    /// <summary>The colour a reader shows for pixel (x, y), in 8 bits a channel.</summary>
    public int[] Rgb(int x, int y)
    {
        if (ColourType == 3)
        {
            var index = Samples[y, x, 0];
            return [Palette![3 * index], Palette[3 * index + 1], Palette[3 * index + 2]];
        }
        var max = (1 << BitDepth) - 1;
        int To8(int v) => (int)Math.Round(v * 255.0 / max);
        return ColourType == 2 ? [To8(Samples[y, x, 0]), To8(Samples[y, x, 1]), To8(Samples[y, x, 2])] : [To8(Samples[y, x, 0]), To8(Samples[y, x, 0]), To8(Samples[y, x, 0])];
    }
}
