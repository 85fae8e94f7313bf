using System.Text;
using HiiaPublish.Pdf.Fonts;
using HiiaPublish.Pdf.Painting;
using HiiaPublish.Typesetting.Fonts;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using UglyToad.PdfPig;

namespace HiiaPublish.Rendering.Tests;

/// <summary>Every character a paper needs exists in every face the house style uses.</summary>
public class FontCoverageTests
{
    private static readonly FontCatalog Catalog = FontCatalog.Load(RepositoryPaths.Fonts);
    private static readonly TrueTypeFontMetrics Metrics = new(Catalog);

    private const string HungarianAlphabet = "aábcdeéfghiíjklmnoóöőpqrstuúüűvwxyzAÁBCDEÉFGHIÍJKLMNOÓÖŐPQRSTUÚÜŰVWXYZ";
    private const string Punctuation = "“”‘’„»«–—…•©€§°·";

    public static TheoryData<string, bool, bool> Faces()
    {
        var faces = new TheoryData<string, bool, bool>();
        foreach (var family in new[] { "Noto Serif", "Noto Sans" })
            foreach (var (bold, italic) in new[] { (false, false), (true, false), (false, true), (true, true) })
                faces.Add(family, bold, italic);
        return faces;
    }

    [Theory, MemberData(nameof(Faces))]
    public void Face_HasEveryHungarianLetterAndTheHouseStylePunctuation(string family, bool bold, bool italic)
    {
        var font = new FontSpec(family, bold, italic);
        Assert.Empty(Metrics.MissingGlyphs(font, HungarianAlphabet + Punctuation + "0123456789"));
    }

    [Theory, MemberData(nameof(Faces))]
    public void Face_HasEveryCharacterOfTheSamples(string family, bool bold, bool italic)
    {
        var text = string.Concat(Directory.GetFiles(RepositoryPaths.Samples, "*.md", SearchOption.AllDirectories).Select(File.ReadAllText));
        var letters = new string(text.Where(c => !char.IsControl(c)).Distinct().ToArray());
        Assert.Empty(Metrics.MissingGlyphs(new FontSpec(family, bold, italic), letters));
    }

    [Fact]
    public void MissingGlyphs_FindsACharacterNoFaceHas()
    {
        // The check must be able to fail: no bundled face draws the crab emoji.
        Assert.Equal([new Rune(0x1F980)], Metrics.MissingGlyphs(new FontSpec("Noto Serif"), "a🦀b"));
    }

    /// <summary>
    /// A specimen page of every face with the Hungarian alphabet, painted and read back: the text comes out
    /// as written (so the subset fonts carry ő, ű, Ő, Ű), and a PNG is left for a person to look at.
    /// </summary>
    [Fact]
    public void Specimen_ReadsBackLetterForLetter_InEveryFace()
    {
        var elements = new List<PageElement>();
        var y = 60.0;
        var id = 1;
        foreach (var row in Faces())
        {
            var font = new FontSpec((string)row[0], (bool)row[1], (bool)row[2]);
            foreach (var line in new[] { font + ": " + HungarianAlphabet[..36], HungarianAlphabet[36..] + " " + Punctuation })
            {
                var style = new TextStyle(font, 11, Color.Black);
                elements.Add(new TextElement(40, y, line, style, Metrics.MeasureWidth(font, 11, line), new StructureRef(StructureTag.P, id++, [])));
                y += 16;
            }
            y += 8;
        }
        var layout = new LaidOutDocument([new LaidOutPage(1, 595, 842, "specimen", elements, [])], [], []);
        var pdfBytes = new PdfPainter(Catalog).Paint(layout, new PdfMetadata("Specimen", ["HiiaPublish"], "Fonts", [], "hu-HU", new DateOnly(2026, 1, 1)));
        File.WriteAllBytes(Path.Combine(RepositoryPaths.Output("pdf"), "font-specimen.pdf"), pdfBytes);

        using var pdf = PdfDocument.Open(pdfBytes);
        var text = pdf.GetPage(1).Text;
        foreach (var element in elements.OfType<TextElement>())
            Assert.Contains(element.Text.Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal));
    }
}
