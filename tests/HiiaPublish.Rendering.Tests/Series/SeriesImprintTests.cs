using System.Text;
using System.Xml.Linq;
using HiiaPublish.Format;
using HiiaPublish.Rendering.Tests.Samples;
using UglyToad.PdfPig;

namespace HiiaPublish.Rendering.Tests.Series;

/// <summary>
/// The series number and DOI of the front matter (issue 13) in the PDF: the imprint prints them, and the XMP carries
/// the same values as the web page's citation (dc:identifier, dc:relation, dc:publisher).
/// </summary>
public class SeriesImprintTests
{
    [Fact]
    public void NumberAndDoi_AreInTheImprint_AndInTheXmp()
    {
        var sample = RenderedSample.Get("kozep-europai-energiabiztonsag");
        var metadata = sample.Perspective.Metadata with { Number = "2026/2", Doi = "10.99999/mki.2026.2" };
        var assets = new FolderDraftAssets(Path.GetDirectoryName(RenderedSample.SampleFile(sample.Name))!);

        var result = RenderedSample.Renderer.Render(sample.Perspective with { Metadata = metadata }, assets, "draft.md");

        // For a person to look at: pdftoppm -r 60 -f 2 -l 2 -png tests/output/series/numbered.pdf
        Directory.CreateDirectory(RepositoryPaths.Output("series"));
        File.WriteAllBytes(Path.Combine(RepositoryPaths.Output("series"), "numbered.pdf"), result.Pdf!);
        using var pdf = PdfDocument.Open(result.Pdf!);
        var imprint = string.Join(" ", pdf.GetPage(2).GetWords().Select(w => w.Text));
        Assert.Contains("MKI Nézőpont 2026/2", imprint);
        Assert.Contains("DOI: https://doi.org/10.99999/mki.2026.2", imprint);

        Assert.True(pdf.TryGetXmpMetadata(out var xmpMetadata));
        var xmp = XDocument.Parse(Encoding.UTF8.GetString(xmpMetadata.GetXmlBytes().ToArray()));
        XNamespace dc = "http://purl.org/dc/elements/1.1/", rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        Assert.Equal("doi:10.99999/mki.2026.2", xmp.Descendants(dc + "identifier").Single().Value);
        Assert.Equal(["MKI Nézőpont 2026/2"], xmp.Descendants(dc + "relation").Single().Descendants(rdf + "li").Select(l => l.Value));
        Assert.Equal("Magyar Külügyi Intézet", xmp.Descendants(dc + "publisher").Single().Value);
    }

    [Fact]
    public void WithoutNumberOrDoi_TheImprintSaysNeither()
    {
        using var pdf = PdfDocument.Open(RenderedSample.Get("kozep-europai-energiabiztonsag").Pdf);
        var imprint = string.Join(" ", pdf.GetPage(2).GetWords().Select(w => w.Text));
        Assert.DoesNotContain("DOI", imprint);
        Assert.DoesNotContain("ISSN", imprint);
    }
}
