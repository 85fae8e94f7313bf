using HiiaPublish.Pdf.Fonts;
using HiiaPublish.Pdf.Painting;
using HiiaPublish.Typesetting.Fonts;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using UglyToad.PdfPig;

namespace HiiaPublish.Pdf.Tests.Painting;

public class PdfPainterTests
{
    private static readonly FontCatalog Catalog = FontCatalog.Load(RepositoryPaths.Fonts);
    private static readonly PdfPainter Painter = new(Catalog);
    private static readonly TextStyle Body = new(new FontSpec("Noto Serif"), 11, Color.Black);

    private static LaidOutDocument TwoPages()
    {
        var p = new StructureRef(StructureTag.P, 1, []);
        var h = new StructureRef(StructureTag.H2, 2, []);
        var page1 = new LaidOutPage(1, 595, 842, "body",
        [
            new TextElement(72, 100, "1. ŐSZI ÜGYEK ", Body with { Font = new FontSpec("Noto Sans", Bold: true) }, 80, h),
            new TextElement(72, 130, "Árvíztűrő ", Body, 60, p),
            new TextElement(140, 130, "tükörfúrógép", Body, 70, p),
            new LinkElement(new Rect(72, 120, 130, 12), new ExternalLink("https://www.hiia.hu/"), p),
            new TextElement(297, 800, "2", Body, 6, StructureRef.Artifact),
        ], [new AnchorPoint("note-1", 72, 700)]);
        var page2 = new LaidOutPage(2, 595, 842, "body",
        [
            new TextElement(72, 100, "continued", Body, 50, p),
            new LinkElement(new Rect(72, 90, 50, 12), new InternalLink("note-1"), p),
        ], []);
        return new LaidOutDocument([page1, page2], [new OutlineEntry("1. Ősz", 1, 1, 90)], []);
    }

    private static readonly PdfMetadata Metadata = new("Őszi ügyek", ["Anna Kovács"], "An abstract.", ["energy"], "hu-HU", new DateOnly(2026, 4, 21));

    [Fact]
    public void SameLayout_GivesIdenticalBytes()
    {
        var first = Painter.Paint(TwoPages(), Metadata);
        var second = Painter.Paint(TwoPages(), Metadata);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Text_ReadsBackWithHungarianLetters()
    {
        using var pdf = PdfDocument.Open(Painter.Paint(TwoPages(), Metadata));
        Assert.Equal(2, pdf.NumberOfPages);
        var text = pdf.GetPage(1).Text;
        Assert.Contains("ŐSZI ÜGYEK", text);
        Assert.Contains("Árvíztűrő", text);
        Assert.Contains("tükörfúrógép", text);
    }

    [Fact]
    public void Links_AreAnnotations()
    {
        using var pdf = PdfDocument.Open(Painter.Paint(TwoPages(), Metadata));
        var links = pdf.GetPage(1).GetHyperlinks();
        Assert.Contains(links, l => l.Uri == "https://www.hiia.hu/");
        Assert.Single(pdf.GetPage(2).GetAnnotations());
    }

    /// <summary>
    /// A justified line is drawn as one string with TJ adjustments; every word must still start where the
    /// typesetter put it. Long enough (over 48 glyphs) that PDFsharp wraps the string's hex digits.
    /// </summary>
    [Fact]
    public void JustifiedLine_KeepsEveryWordWhereTheLayoutPutIt()
    {
        var metrics = new TrueTypeFontMetrics(Catalog);
        var p = new StructureRef(StructureTag.P, 1, []);
        string[] words = ["Árvíztűrő ", "tükörfúrógép ", "energiabiztonság ", "közép-európai ", "együttműködés ", "végén"];
        var elements = new List<PageElement>();
        var expected = new List<double>();
        var x = 72.0;
        for (var i = 0; i < words.Length; i++)
        {
            elements.Add(new TextElement(x, 130, words[i], Body, metrics.MeasureWidth(Body.Font, Body.Size, words[i].TrimEnd()), p));
            expected.Add(x);
            // Stretched spaces, different on each gap, as a justified line has them.
            x += metrics.MeasureWidth(Body.Font, Body.Size, words[i]) + 1.37 * (i + 1);
        }
        var layout = new LaidOutDocument([new LaidOutPage(1, 595, 842, "body", elements, [])], [], []);

        using var pdf = PdfDocument.Open(Painter.Paint(layout, Metadata));
        var read = pdf.GetPage(1).GetWords().ToList();

        Assert.Equal(words.Select(w => w.Trim()), read.Select(w => w.Text));
        for (var i = 0; i < words.Length; i++)
        {
            Assert.Equal(expected[i], read[i].Letters[0].StartBaseLine.X, 0.01);
            Assert.Equal(842 - 130, read[i].Letters[0].StartBaseLine.Y, 0.01);
        }
    }
}
