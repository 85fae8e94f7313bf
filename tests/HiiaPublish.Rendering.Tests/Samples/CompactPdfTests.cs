using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using HiiaPublish.Pdf.Fonts;
using HiiaPublish.Pdf.Painting;
using UglyToad.PdfPig;
using static HiiaPublish.Rendering.Tests.Samples.PdfReading;

namespace HiiaPublish.Rendering.Tests.Samples;

/// <summary>
/// Issue 16, smaller PDFs: the samples packed into object streams and a cross-reference stream (as a file that
/// declares PDF/A-2 is written) still open, read, keep their fonts, tags and metadata, and pass qpdf's check; the
/// fonts PDFsharp embeds lost their hinting but no glyph a sample uses.
/// </summary>
public class CompactPdfTests
{
    public static TheoryData<string> Samples() => new(RenderedSample.Names);

    // The painter packs only files that declare PDF/A-2 or later; this branch's PDFsharp still declares part 1, so
    // the tests declare part 2 the way the declaration will read (same length: no offset moves).
    private static byte[] DeclaredPdfA2(byte[] pdf)
    {
        var copy = (byte[])pdf.Clone();
        var at = copy.AsSpan().IndexOf("<pdfaid:part>1<"u8);
        Assert.True(at >= 0, "the XMP declares no PDF/A part");
        copy[at + "<pdfaid:part>".Length] = (byte)'2';
        return copy;
    }

    private static byte[] Packed(string name) => ObjectStreamPacker.Pack(DeclaredPdfA2(RenderedSample.Get(name).Pdf));

    [Theory, MemberData(nameof(Samples))]
    public void Packed_IsSmaller_AndUsesObjectAndXrefStreams(string name)
    {
        var plain = RenderedSample.Get(name).Pdf;
        var packed = Packed(name);
        var raw = Raw(packed);
        Assert.Contains("/Type/ObjStm", raw);
        Assert.Contains("/Type/XRef", raw);
        Assert.DoesNotContain("\nxref\n", raw);
        Assert.True(packed.Length < plain.Length * 0.9, $"{packed.Length} bytes packed against {plain.Length}");
    }

    [Theory, MemberData(nameof(Samples))]
    public void Packed_ReadsLikeTheUnpackedFile_PageByPage(string name)
    {
        using var plain = PdfDocument.Open(RenderedSample.Get(name).Pdf);
        using var packed = PdfDocument.Open(Packed(name));
        Assert.Equal(plain.NumberOfPages, packed.NumberOfPages);
        Assert.NotEmpty(Text(packed.GetPage(1)));
        for (var p = 1; p <= plain.NumberOfPages; p++)
            Assert.Equal(Text(plain.GetPage(p)), Text(packed.GetPage(p)));
        Assert.Equal(plain.Information.Title, packed.Information.Title);
        Assert.True(packed.TryGetXmpMetadata(out var xmp));
        Assert.Contains(plain.Information.Title!, Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray()));
    }

    [Theory, MemberData(nameof(Samples))]
    public void Packed_KeepsTagsFontsAndMetadata(string name)
    {
        var expanded = Raw(Qpdf("--object-streams=disable", Packed(name)));
        var plain = Raw(Qpdf("--object-streams=disable", RenderedSample.Get(name).Pdf));
        Assert.Contains("/StructTreeRoot", expanded);
        Assert.Contains("/Marked true", expanded);
        Assert.Contains("/Type /Metadata", expanded);
        // The same structure elements (by type) as the unpacked file, both read through qpdf.
        Assert.Equal(Count(plain, @"/S /\w+"), Count(expanded, @"/S /\w+"));
        Assert.Equal(Count(plain, "/Type /StructElem"), Count(expanded, "/Type /StructElem"));
        // Every font descriptor still points at its embedded TrueType program.
        Assert.True(Count(expanded, "/FontFile2") >= 2);
        Assert.Equal(Count(expanded, "/Type /FontDescriptor"), Count(expanded, "/FontFile2"));
    }

    [Theory, MemberData(nameof(Samples))]
    public void Packed_PassesQpdfCheck(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"hiia-packed-{name}-{Environment.ProcessId}.pdf");
        File.WriteAllBytes(path, Packed(name));
        var (code, output) = Run("qpdf", "--check", path);
        File.Delete(path);
        // 0 is clean, 3 is "succeeded with warnings": PDFsharp's own Flate streams end without the final empty
        // block qpdf expects (the unpacked file warns the same), which every reader accepts.
        Assert.True(code is 0 or 3, output);
        Assert.DoesNotContain("ERROR", output);
        var warnings = output.Split('\n').Where(l => l.StartsWith("WARNING", StringComparison.Ordinal)).ToList();
        Assert.All(warnings, w => Assert.EndsWith("input stream is complete but output may still be valid", w.TrimEnd()));
    }

    [Theory, MemberData(nameof(Samples))]
    public void Packed_IsByteIdentical_ForTheSameSource(string name) =>
        Assert.Equal(Packed(name), ObjectStreamPacker.Pack(DeclaredPdfA2(RenderedSample.Get(name).Pdf)));

    [Theory, MemberData(nameof(Samples))]
    public void AFileDeclaringPdfA1_IsNotPacked(string name)
    {
        // PDF/A-1 forbids object streams and cross-reference streams.
        var pdf = RenderedSample.Get(name).Pdf;
        Assert.Contains("<pdfaid:part>1<", Raw(pdf));
        Assert.Same(pdf, ObjectStreamPacker.Pack(pdf));
    }

    public static TheoryData<string> FaceNames() => new(FontCatalog.Load(RepositoryPaths.Fonts).FaceNames);

    [Theory, MemberData(nameof(FaceNames))]
    public void EmbeddedFont_HasEveryGlyphAndWidthOfTheSamples_WithoutHinting(string face)
    {
        var catalog = FontCatalog.Load(RepositoryPaths.Fonts);
        var original = catalog.Face(face);
        var stripped = EmbeddingFont.From(original);
        var parsed = TrueTypeFont.Parse(stripped, face);
        var tags = Tables(stripped);
        foreach (var hinting in new[] { "fpgm", "prep", "cvt " })
            Assert.DoesNotContain(hinting, tags.Keys);
        Assert.True(stripped.Length < original.Data.Length);

        var text = string.Concat(Directory.GetFiles(RepositoryPaths.Samples, "*.md", SearchOption.AllDirectories).Select(File.ReadAllText))
            + "aábcdeéfghiíjklmnoóöőpqrstuúüűvwxyzAÁBCDEÉFGHIÍJKLMNOÓÖŐPQRSTUÚÜŰVWXYZ0123456789“”‘’„»«–—…•©€§°·";
        foreach (var rune in text.EnumerateRunes().Where(r => !Rune.IsControl(r)).Distinct())
        {
            var glyph = original.GlyphOf(rune.Value);
            Assert.Equal(glyph, parsed.GlyphOf(rune.Value));
            Assert.Equal(original.AdvanceOf(glyph), parsed.AdvanceOf(glyph));
            Assert.Equal(OutlineLength(original.Data, glyph) > 0, OutlineLength(stripped, glyph) > 0);
        }
    }

    private static int OutlineLength(byte[] font, int glyph)
    {
        var tables = Tables(font);
        var longLoca = font[tables["head"] + 50] != 0 || font[tables["head"] + 51] != 0;
        int At(int g) => longLoca
            ? (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(tables["loca"] + g * 4))
            : System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["loca"] + g * 2)) * 2;
        return At(glyph + 1) - At(glyph);
    }

    private static Dictionary<string, int> Tables(byte[] font)
    {
        var count = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        return Enumerable.Range(0, count).ToDictionary(
            i => Encoding.ASCII.GetString(font, 12 + i * 16, 4),
            i => (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(12 + i * 16 + 8)));
    }

    private static int Count(string text, string pattern) => Regex.Count(text, pattern);

    private static byte[] Qpdf(string option, byte[] pdf)
    {
        var input = Path.Combine(Path.GetTempPath(), $"hiia-qpdf-in-{Guid.NewGuid():N}.pdf");
        var output = Path.ChangeExtension(input, ".out.pdf");
        File.WriteAllBytes(input, pdf);
        try
        {
            var (code, log) = Run("qpdf", option, "--stream-data=uncompress", input, output);
            Assert.True(code is 0 or 3, log);
            return File.ReadAllBytes(output);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private static (int Code, string Output) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
