using System.Text;
using HiiaPublish.Format;
using HiiaPublish.Format.Branding;
using HiiaPublish.Rendering.Tests.Samples;
using UglyToad.PdfPig;
using static HiiaPublish.Rendering.Tests.Samples.PdfReading;

namespace HiiaPublish.Rendering.Tests;

/// <summary>
/// The house style's exact points (docs: house-style.md): the byline names the institute once, the covers carry no
/// page number, and Hungarian papers name the institute as it is called since 2023.
/// </summary>
public class HouseStyleExactTests
{
    private static readonly Branding Brand = BrandingLoader.Load(RepositoryPaths.Templates);

    [Theory]
    [InlineData(PaperLanguage.English, "Visiting Fellow", "Visiting Fellow, HIIA")]
    [InlineData(PaperLanguage.English, "Visiting Fellow, HIIA", "Visiting Fellow, HIIA")]
    [InlineData(PaperLanguage.English, "Visiting Fellow, hiia. ", "Visiting Fellow, hiia")]
    [InlineData(PaperLanguage.English, "Visiting Fellow,", "Visiting Fellow, HIIA")]
    [InlineData(PaperLanguage.English, "Senior Fellow at the Hungarian Institute of International Affairs", "Senior Fellow at the Hungarian Institute of International Affairs")]
    [InlineData(PaperLanguage.English, "Research Fellow, MKI", "Research Fellow, MKI")]
    [InlineData(PaperLanguage.English, "Fellow, AHIIA", "Fellow, AHIIA, HIIA")]
    [InlineData(PaperLanguage.Hungarian, "vezető kutató", "vezető kutató, MKI")]
    [InlineData(PaperLanguage.Hungarian, "vezető kutató, MKI", "vezető kutató, MKI")]
    [InlineData(PaperLanguage.Hungarian, "vezető kutató, mki;", "vezető kutató, mki")]
    [InlineData(PaperLanguage.Hungarian, "a Magyar Külügyi Intézet kutatója", "a Magyar Külügyi Intézet kutatója, MKI")]
    [InlineData(PaperLanguage.Hungarian, "kutató, Magyar Külügyi Intézet", "kutató, Magyar Külügyi Intézet")]
    [InlineData(PaperLanguage.Hungarian, "Visiting Fellow, HIIA", "Visiting Fellow, HIIA")]
    public void Role_NamesTheInstituteOnce(PaperLanguage language, string role, string expected)
    {
        Assert.Equal(expected, Brand.RoleWithInstitute(language, role));
    }

    [Theory]
    [InlineData(PaperLanguage.English, "Visiting Fellow", "Zsolt Trembeczki, Visiting Fellow, HIIA", "Anna Kovács, Senior Fellow, HIIA")]
    [InlineData(PaperLanguage.Hungarian, "vezető kutató", "Zsolt Trembeczki, vezető kutató, MKI", "Anna Kovács, Senior Fellow, HIIA")]
    public void OpeningPage_Byline_NamesTheInstituteOnce(PaperLanguage language, string role, string first, string second)
    {
        var pdf = Render(Draft(language, $"""
            authors:
              - name: Zsolt Trembeczki
                role: {role}
              - name: Anna Kovács
                role: Senior Fellow, HIIA
            """));
        using var document = PdfDocument.Open(pdf);
        var opening = Text(document.GetPage(3));

        Assert.Contains(first, opening);
        Assert.Contains(second, opening);
        Assert.DoesNotContain("HIIA, HIIA", opening);
        Assert.DoesNotContain("MKI, MKI", opening);
    }

    [Theory, MemberData(nameof(SampleRenderTests.Samples), MemberType = typeof(SampleRenderTests))]
    public void BackCover_HasNoPageNumber(string name)
    {
        using var pdf = PdfDocument.Open(RenderedSample.Get(name).Pdf);
        var back = pdf.GetPage(pdf.NumberOfPages);

        Assert.Contains(Brand.For(RenderedSample.Get(name).Perspective.Metadata.Language).InstituteMark, Text(back));
        Assert.Empty(Numbers(back.GetWords()));
        Assert.DoesNotContain(back.Letters, l => char.IsDigit(l.Value[0]));
    }

    [Fact]
    public void HungarianSample_NamesTheInstituteAsSince2023_OnEveryPage()
    {
        // Every Hungarian sample (the energy paper and the English paper's Hungarian twin).
        foreach (var name in RenderedSample.Names.Where(n => RenderedSample.Get(n).Perspective.Metadata.Language == PaperLanguage.Hungarian))
        {
            using var pdf = PdfDocument.Open(RenderedSample.Get(name).Pdf);
            var pages = pdf.GetPages().Select(p => (p.Number, Text: Text(p))).ToList();

            foreach (var (number, text) in pages)
            {
                Assert.False(text.Contains("KKI", StringComparison.Ordinal), $"page {number} names the old institute (KKI)");
                Assert.False(text.Contains("Külgazdasági", StringComparison.Ordinal), $"page {number} names the old institute (Külgazdasági)");
            }
            Assert.Contains("MKI NÉZŐPONT", pages[0].Text);
            Assert.Contains("MAGYAR KÜLÜGYI INTÉZET", pages[0].Text);
            Assert.Contains("© Magyar Külügyi Intézet, 2026.", pages[1].Text);
            Assert.Contains("MAGYAR KÜLÜGYI INTÉZET", pages[^1].Text);
        }
    }

    [Theory]
    [InlineData(PaperLanguage.English, "Source of cover photo")]
    [InlineData(PaperLanguage.Hungarian, "A borítókép forrása")]
    public void CoverWithoutPhoto_IsTheBrandField_WithTheMarkAtItsFoot_AndTheImprintCreditsNoPhoto(PaperLanguage language, string creditLabel)
    {
        var pdf = Render(Draft(language, "authors: [Anna Kovács]", "cover:\n  credit: Shutterstock"));
        using var document = PdfDocument.Open(pdf);
        var brand = Brand.For(language);

        var imprint = Text(document.GetPage(2));
        Assert.DoesNotContain("Shutterstock", imprint);
        Assert.DoesNotContain(creditLabel, imprint);

        // The mark, in the field's larger size, in the lower fifth of the page (PdfPig measures from the foot).
        var cover = document.GetPage(1);
        var markWords = brand.InstituteMark.Split(' ');
        var mark = cover.GetWords().Where(w => markWords.Contains(w.Text)).ToList();
        Assert.Equal(markWords.Length, mark.Count);
        Assert.All(mark, w => Assert.True(IsSize(w, 13) && w.BoundingBox.Bottom < cover.Height / 5, $"“{w.Text}” is not the field's mark at the foot"));
        Assert.Contains(Branding().Homepage, Text(cover));
    }

    [Fact]
    public void CoverWithPhoto_KeepsTheBandAndPhoto_AndTheImprintCreditsIt()
    {
        var sample = RenderedSample.Get(RenderedSample.Names.First());
        using var document = PdfDocument.Open(sample.Pdf);

        Assert.Contains(sample.Perspective.Metadata.Cover!.Credit!, Text(document.GetPage(2)));
        Assert.NotEmpty(document.GetPage(1).GetImages());
        Assert.DoesNotContain(Branding().Homepage, Text(document.GetPage(1)));
    }

    private static Branding Branding() => Brand;

    internal static string Draft(PaperLanguage language, string authors, string cover = "") => $"""
        ---
        title: {(language == PaperLanguage.Hungarian ? "Egy rövid elemzés" : "A Short Paper")}
        date: 2026-04-21
        language: {(language == PaperLanguage.Hungarian ? "hu" : "en")}
        {authors}
        abstract: Short.
        {cover}
        ---

        ## One

        Text.
        """;

    internal static byte[] Render(string draft, IReadOnlyDictionary<string, byte[]>? files = null)
    {
        var assets = new MemoryDraftAssets(files ?? new Dictionary<string, byte[]>());
        var parsed = new PerspectiveParser().Parse(new DraftSource("draft.md", Encoding.UTF8.GetBytes(draft), assets));
        Assert.False(parsed.HasErrors, string.Join(Environment.NewLine, parsed.Diagnostics));
        var result = RenderedSample.Renderer.Render(parsed.Perspective!, assets, "draft.md");
        return result.Pdf ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
    }
}
