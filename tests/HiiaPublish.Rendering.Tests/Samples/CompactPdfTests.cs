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

    // The painter packs every file it writes (they declare PDF/A-2, which allows object streams). The same file
    // without them is made by qpdf, which copies every stream as it is (--decode-level=none) and only moves the
    // packed objects out into the file: the fair "before" to compare with.
    private static byte[] Packed(string name) => RenderedSample.Get(name).Pdf;

    private static byte[] Unpacked(string name) => Qpdf(Packed(name), "--object-streams=disable", "--decode-level=none");

    [Theory, MemberData(nameof(Samples))]
    public void Packed_IsSmaller_AndUsesObjectAndXrefStreams(string name)
    {
        var plain = Unpacked(name);
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
        using var plain = PdfDocument.Open(Unpacked(name));
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
        var expanded = Raw(Qpdf(Packed(name), "--object-streams=disable", "--stream-data=uncompress"));
        var plain = Raw(Unpacked(name));
        Assert.Contains("/StructTreeRoot", expanded);
        Assert.Contains("/Marked true", expanded);
        Assert.Contains("/Type /Metadata", expanded);
        // The same structure elements (by type) as the unpacked file, both read through qpdf.
        Assert.Equal(Count(plain, @"/S /\w+"), Count(expanded, @"/S /\w+"));
        Assert.Equal(Count(plain, "/Type /StructElem"), Count(expanded, "/Type /StructElem"));
        Assert.True(Count(expanded, "/Type /StructElem") > 50);
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
    public void Packing_IsByteIdentical_ForTheSameFile(string name)
    {
        // (The same source giving the same packed bytes through the whole render is SampleRenderTests' SameSource test.)
        var unpacked = Unpacked(name);
        Assert.Equal(ObjectStreamPacker.Pack(unpacked), ObjectStreamPacker.Pack((byte[])unpacked.Clone()));
    }

    [Theory, MemberData(nameof(Samples))]
    public void AFileDeclaringPdfA1_IsNotPacked(string name)
    {
        // PDF/A-1 forbids object streams and cross-reference streams. The declaration is changed in place (same
        // length, no offset moves) in the unpacked file, where the XMP packet is plain text.
        var pdf = Unpacked(name);
        var at = pdf.AsSpan().IndexOf("<pdfaid:part>2<"u8);
        Assert.True(at >= 0, "the XMP declares no PDF/A-2");
        pdf[at + "<pdfaid:part>".Length] = (byte)'1';
        Assert.Same(pdf, ObjectStreamPacker.Pack(pdf));
        pdf[at + "<pdfaid:part>".Length] = (byte)'2';
        Assert.NotSame(pdf, ObjectStreamPacker.Pack(pdf));
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

    private static byte[] Qpdf(byte[] pdf, params string[] options)
    {
        var input = Path.Combine(Path.GetTempPath(), $"hiia-qpdf-in-{Guid.NewGuid():N}.pdf");
        var output = Path.ChangeExtension(input, ".out.pdf");
        File.WriteAllBytes(input, pdf);
        try
        {
            var (code, log) = Run("qpdf", [.. options, input, output]);
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
