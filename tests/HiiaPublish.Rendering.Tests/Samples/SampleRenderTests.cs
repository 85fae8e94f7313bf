using System.Diagnostics;
using System.Globalization;
using HiiaPublish.Format;
using HiiaPublish.Rendering;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using static HiiaPublish.Rendering.Tests.Samples.PdfReading;

namespace HiiaPublish.Rendering.Tests.Samples;

/// <summary>
/// The two samples rendered and read back with PdfPig, as a reader's software sees them — not by
/// trusting what the painter was told to draw.
/// </summary>
public class SampleRenderTests
{
    public static TheoryData<string> Samples() => new(RenderedSample.Names);

    [Theory, MemberData(nameof(Samples))]
    public void Renders_WithoutErrorsOrWarnings(string name)
    {
        var sample = RenderedSample.Get(name);
        Assert.False(sample.Result.HasErrors, string.Join(Environment.NewLine, sample.Result.Diagnostics));
        Assert.Empty(sample.Result.Diagnostics);
    }

    [Theory, MemberData(nameof(Samples))]
    public void PageOrder_CoverImprintBodyBackCover(string name)
    {
        var sample = RenderedSample.Get(name);
        var metadata = sample.Perspective.Metadata;
        using var pdf = PdfDocument.Open(sample.Pdf);
        var culture = CultureInfo.GetCultureInfo(metadata.Language.Bcp47());
        var brand = Branding().For(metadata.Language);

        Assert.True(pdf.NumberOfPages >= (metadata.Language == PaperLanguage.English ? 7 : 5), $"only {pdf.NumberOfPages} pages");
        Assert.Equal(sample.Result.PageCount, pdf.NumberOfPages);

        var cover = Text(pdf.GetPage(1));
        Assert.Contains(FirstWords(metadata.Title, 3), cover);
        foreach (var author in metadata.Authors)
            Assert.Contains(author.Name.ToUpper(culture), cover);
        Assert.Contains(brand.InstituteMark, cover);

        var opening = Text(pdf.GetPage(3));
        Assert.Contains(brand.FormatDate(metadata.Date), opening);
        Assert.Contains(FirstWords(metadata.Title.ToUpper(culture), 2), opening);

        Assert.Contains(brand.InstituteMark, Text(pdf.GetPage(pdf.NumberOfPages)));
    }

    [Theory, MemberData(nameof(Samples))]
    public void Imprint_HasItsLinesInOrder(string name)
    {
        var sample = RenderedSample.Get(name);
        var metadata = sample.Perspective.Metadata;
        var brand = Branding().For(metadata.Language);
        using var pdf = PdfDocument.Open(sample.Pdf);
        var imprint = Text(pdf.GetPage(2));

        var expected = new List<string>
        {
            metadata.Series ?? brand.Series,
            brand.RegularPublication,
            brand.PublisherLabel,
            HiiaPublish.Format.Branding.BrandingLanguage.Fill(brand.Copyright, ("year", metadata.Date.Year.ToString(CultureInfo.InvariantCulture))),
            brand.AuthorsLabel,
            metadata.Authors[0].Name,
        };
        if (metadata.CopyEditors.Count > 0)
            expected.AddRange([brand.CopyEditorsLabel, metadata.CopyEditors[0]]);
        expected.Add(FirstWords(brand.Disclaimer, 6));
        expected.Add("(www.hiia.hu).");
        if (metadata.Cover?.Credit is { Length: > 0 } credit)
            expected.Add(credit);

        var at = 0;
        foreach (var line in expected)
        {
            var found = imprint.IndexOf(Normalize(line), at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{line}' is missing from the imprint after position {at}: {imprint}");
            at = found + 1;
        }
    }

    [Theory, MemberData(nameof(Samples))]
    public void Sections_AreNumberedInCapitals_AndBookmarked(string name)
    {
        var sample = RenderedSample.Get(name);
        var culture = CultureInfo.GetCultureInfo(sample.Perspective.Metadata.Language.Bcp47());
        var sections = sample.Perspective.Body.OfType<Heading>().Where(h => h.Level == 2)
            .Select(h => DocumentBuilderText(h.Content)).ToList();
        using var pdf = PdfDocument.Open(sample.Pdf);
        var headingText = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Where(w => IsSize(w, HeadingSize)).Select(w => w.Text));

        for (var i = 0; i < sections.Count; i++)
            Assert.Contains(Normalize($"{i + 1}. {sections[i].ToUpper(culture)}"), headingText);

        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var topLevel = bookmarks.Roots.Select(b => b.Title).ToList();
        Assert.Equal(sections.Select((s, i) => $"{i + 1}. {s}"), topLevel);
    }

    [Theory, MemberData(nameof(Samples))]
    public void Footnotes_SitOnThePageOfTheirMark_BelowTheText(string name)
    {
        var sample = RenderedSample.Get(name);
        using var pdf = PdfDocument.Open(sample.Pdf);
        var markPage = new Dictionary<int, int>();
        var notePage = new Dictionary<int, int>();

        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().ToList();
            foreach (var n in Numbers(words.Where(w => IsSize(w, BodyMark))))
                markPage.TryAdd(n, page.Number);
            foreach (var n in Numbers(words.Where(w => IsSize(w, NoteLabel))))
                notePage.TryAdd(n, page.Number);

            var noteWords = words.Where(w => IsSize(w, Note)).ToList();
            var bodyWords = words.Where(w => IsSize(w, Body) || IsSize(w, HeadingSize)).ToList();
            if (noteWords.Count > 0 && bodyWords.Count > 0)
                Assert.True(bodyWords.Min(w => w.BoundingBox.Bottom) > noteWords.Max(w => w.BoundingBox.Top),
                    $"page {page.Number}: a note rises into the text");
        }

        var count = sample.Perspective.Footnotes.Count;
        Assert.Equal(Enumerable.Range(1, count), notePage.Keys.Order());
        foreach (var (number, page) in notePage)
            Assert.True(markPage.TryGetValue(number, out var mark) && mark == page,
                $"note {number} is on page {page} but its mark on page {(markPage.TryGetValue(number, out var m) ? m : 0)}");
    }

    [Theory, MemberData(nameof(Samples))]
    public void NoPage_EndsWithAHeading(string name)
    {
        using var pdf = PdfDocument.Open(RenderedSample.Get(name).Pdf);
        foreach (var page in pdf.GetPages())
        {
            var text = page.GetWords().Where(w => IsSize(w, Body) || IsSize(w, HeadingSize)).ToList();
            if (text.Count == 0) continue;
            var lowest = text.MinBy(w => w.BoundingBox.Bottom)!;
            Assert.False(IsSize(lowest, HeadingSize), $"page {page.Number} ends with the heading word '{lowest.Text}'");
        }
    }

    [Theory, MemberData(nameof(Samples))]
    public void PageNumbers_OnEveryPageBetweenTheCovers(string name)
    {
        using var pdf = PdfDocument.Open(RenderedSample.Get(name).Pdf);
        foreach (var page in pdf.GetPages())
        {
            var numbers = Numbers(page.GetWords().Where(w => IsSize(w, PageNumber) && w.BoundingBox.Bottom < 60)).ToList();
            if (page.Number == 1 || page.Number == pdf.NumberOfPages) Assert.Empty(numbers);
            else Assert.Equal([page.Number], numbers);
        }
    }

    [Theory, MemberData(nameof(Samples))]
    public void EveryUrl_IsOneClickableLink(string name)
    {
        var sample = RenderedSample.Get(name);
        var urls = UrlsIn(sample.Perspective).ToHashSet();
        using var pdf = PdfDocument.Open(sample.Pdf);
        var links = pdf.GetPages().SelectMany(p => p.GetHyperlinks()).Select(h => h.Uri).ToList();

        Assert.NotEmpty(urls);
        Assert.Equal(urls.Order(), links.Distinct().Order());
        Assert.Equal(links.Count, links.Distinct().Count());
    }

    [Theory, MemberData(nameof(Samples))]
    public void Pdf_IsTaggedEmbeddedPdfA_WithLanguageAndMetadata(string name)
    {
        var sample = RenderedSample.Get(name);
        var metadata = sample.Perspective.Metadata;
        var raw = Raw(sample.Pdf);

        Assert.Contains("/StructTreeRoot", raw);
        Assert.Contains("/Marked true", raw);
        Assert.Contains($"/Lang({metadata.Language.Bcp47()})", raw);
        Assert.Contains("<pdfaid:part>", raw);
        Assert.Contains("/DisplayDocTitle true", raw);
        Assert.DoesNotContain("/Subtype/Type1", raw);
        Assert.True(CountOf(raw, "/FontFile2") >= 2, "fonts are not embedded");
        foreach (var tag in new[] { "/H1", "/H2", "/P", "/Note", "/Link", "/Figure" })
            Assert.Contains("/S" + tag, raw);
        if (sample.Perspective.Body.OfType<Table>().Any())
            Assert.Contains("/S/Table", raw);
        // Every figure carries its alternative text (encoded as the PDF string needs, so only its presence is read here).
        Assert.Equal(CountOf(raw, "/S/Figure"), CountOf(raw, "/Alt"));

        using var pdf = PdfDocument.Open(sample.Pdf);
        Assert.Equal(metadata.Title, pdf.Information.Title);
        Assert.Equal(string.Join(", ", metadata.Authors.Select(a => a.Name)), pdf.Information.Author);
        Assert.StartsWith(FirstWords(DocumentBuilderText(metadata.Abstract), 4), pdf.Information.Subject);
        Assert.Equal(string.Join(", ", metadata.Keywords), pdf.Information.Keywords);
        Assert.Contains(metadata.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture), pdf.Information.CreationDate);
        Assert.True(pdf.TryGetXmpMetadata(out var xmp));
        // The packet is UTF-8 (PDF/A); read the bytes as such rather than trusting a guessed encoding.
        Assert.Contains(metadata.Title, System.Text.Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray()));
    }

    [Theory, MemberData(nameof(Samples))]
    public void SameSource_GivesIdenticalBytes(string name)
    {
        var sample = RenderedSample.Get(name);
        var file = RenderedSample.SampleFile(name);
        var assets = new FolderDraftAssets(Path.GetDirectoryName(file)!);
        var again = new PerspectiveParser().Parse(new DraftSource(Path.GetFileName(file), File.ReadAllBytes(file), assets));
        var second = RenderedSample.Renderer.Render(again.Perspective!, assets, Path.GetFileName(file));
        Assert.Equal(sample.Pdf, second.Pdf);
    }

    [Theory, MemberData(nameof(Samples))]
    public void WritesPngPages_ForAPersonToLookAt(string name)
    {
        var sample = RenderedSample.Get(name);
        var folder = RepositoryPaths.Output("pdf");
        var pdfPath = Path.Combine(folder, name + ".pdf");
        File.WriteAllBytes(pdfPath, sample.Pdf);
        foreach (var old in Directory.GetFiles(folder, name + "-*.png")) File.Delete(old);

        using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", "60", "-png", pdfPath, Path.Combine(folder, name)])
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("pdftoppm did not start; run scripts/install-deps.sh (poppler-utils).");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        Assert.Equal(sample.Result.PageCount, Directory.GetFiles(folder, name + "-*.png").Length);
    }

    private static IEnumerable<string> UrlsIn(Perspective perspective)
    {
        IEnumerable<string> FromInlines(IEnumerable<Inline> inlines) => inlines.SelectMany(i => i switch
        {
            Link l => [l.Url, .. FromInlines(l.Content)],
            Emphasis e => FromInlines(e.Content),
            Strong s => FromInlines(s.Content),
            _ => [],
        });
        IEnumerable<string> FromBlocks(IEnumerable<Block> blocks) => blocks.SelectMany(b => b switch
        {
            Paragraph p => FromInlines(p.Content),
            Heading h => FromInlines(h.Content),
            BlockQuote q => FromBlocks(q.Blocks),
            ListBlock l => l.Items.SelectMany(i => FromBlocks(i.Blocks)),
            Table t => t.Rows.SelectMany(r => r.Cells.SelectMany(FromInlines)),
            _ => [],
        });
        return FromInlines(perspective.Metadata.Abstract)
            .Concat(FromBlocks(perspective.Body))
            .Concat(perspective.Footnotes.SelectMany(n => FromBlocks(n.Blocks)));
    }

    private static HiiaPublish.Format.Branding.Branding Branding() => HiiaPublish.Format.Branding.BrandingLoader.Load(RepositoryPaths.Templates);

    private static string DocumentBuilderText(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(i => i switch
    {
        Text t => t.Value,
        CodeSpan c => c.Value,
        Emphasis e => DocumentBuilderText(e.Content),
        Strong s => DocumentBuilderText(s.Content),
        Link l => l.IsAutolink ? l.Url : DocumentBuilderText(l.Content),
        _ => "",
    }));

    private static string FirstWords(string text, int count) => string.Join(" ", Normalize(text).Split(' ').Take(count));

    // The PDF's words are separated by single spaces; the source may wrap or double them.
    private static string Normalize(string text) => string.Join(" ", text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
