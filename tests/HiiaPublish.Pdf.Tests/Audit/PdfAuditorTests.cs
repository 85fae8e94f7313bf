using System.Text;
using HiiaPublish.Pdf.Audit;

namespace HiiaPublish.Pdf.Tests.Audit;

/// <summary>
/// Each check is proven able to fail: one edit to the clean test PDF breaks exactly its rule, and the audit then
/// fails that check (and only the checks the edit must also break, named in the case).
/// </summary>
public sealed class PdfAuditorTests
{
    private static readonly PdfAuditor Auditor = new();

    private static readonly Dictionary<string, (Func<TestPdf, TestPdf> Break, string[] Fails)> Cases = new()
    {
        ["06-001"] = (p => p.Edit(1, "/Metadata 5 0 R ", ""), ["06-001", "pdfa-identification", "06-002", "06-003"]),
        ["pdfa-identification"] = (p => p.Edit(5, "<pdfaid:part>2</pdfaid:part>", ""), ["pdfa-identification"]),
        ["pdfa-identification (PDF/A-1)"] = (p => p.Edit(5, "<pdfaid:part>2</pdfaid:part>", "<pdfaid:part>1</pdfaid:part>"), ["pdfa-identification"]),
        ["pdfa-output-intent"] = (p => p.Edit(1, "/S /GTS_PDFA1", "/S /GTS_PDFX"), ["pdfa-output-intent"]),
        ["pdfa-fonts-embedded"] = (p => p.Edit(25, "/FontFile2 26 0 R /CIDSet 27 0 R", ""), ["pdfa-fonts-embedded"]),
        ["10-001"] = (p => p.Edit(7, " /ToUnicode 9 0 R", ""), ["10-001"]),
        ["pdfa-cidset"] = (p => p.SetStream(27, "<< >>", new byte[64]), ["pdfa-cidset"]),
        ["pdfa-annotation-types"] = (p => p.Edit(20, "/Subtype /Link", "/Subtype /Movie"), ["pdfa-annotation-types"]),
        ["pdfa-annotation-flags"] = (p => p.Edit(20, "/F 4", "/F 0"), ["pdfa-annotation-flags"]),
        ["pdfa-annotation-flags (hidden)"] = (p => p.Edit(20, "/F 4", "/F 6"), ["pdfa-annotation-flags"]),
        ["pdfa-actions"] = (p => p.Edit(20, "/S /URI /URI (https://example.org/)", "/S /JavaScript /JS (app.alert(1))"), ["pdfa-actions"]),
        ["pdfa-actions (open action)"] = (p => p.Edit(1, "/Lang", "/OpenAction << /S /Launch /F (calc.exe) >> /Lang"), ["pdfa-actions"]),
        ["tagged-pdf"] = (p => p.Edit(1, "/MarkInfo << /Marked true >>", "/MarkInfo << /Marked false >>"), ["tagged-pdf"]),
        ["01-005"] = (p => p.Edit(4, "/Artifact BMC 20 20 m 280 20 l S EMC", "20 20 m 280 20 l S"), ["01-005"]),
        ["01-005 (MCID nobody refers to)"] = (p => p.Edit(24, "/K 7", "/K []"), ["01-005"]),
        ["01-004"] = (p => p.Edit(4, "/Figure <</MCID 7>> BDC 20 100 50 50 re f EMC", "/Artifact BMC /Figure <</MCID 7>> BDC 20 100 50 50 re f EMC EMC"), ["01-004"]),
        ["02-001"] = (p => p.Edit(13, "/S /P", "/S /Para"), ["02-001"]),
        ["06-002"] = (p => p.Edit(5, "<pdfuaid:part>1</pdfuaid:part>", ""), ["06-002"]),
        ["06-003"] = (p => p.Edit(5, "A test paper", " "), ["06-003"]),
        ["07-001"] = (p => p.Edit(1, "/ViewerPreferences << /DisplayDocTitle true >> ", ""), ["07-001"]),
        ["07-002"] = (p => p.Edit(1, "/DisplayDocTitle true", "/DisplayDocTitle false"), ["07-002"]),
        ["11-006"] = (p => p.Edit(1, "/Lang (en-GB) ", ""), ["11-006"]),
        ["13-004"] = (p => p.Edit(24, "/Alt (A grey square) ", ""), ["13-004"]),
        ["14-002"] = (p => p.Edit(12, "/S /H1", "/S /H2"), ["14-002"]),
        ["14-003"] = (p => p.Edit(11, "/K [12 0 R 13 0 R", "/K [12 0 R 29 0 R 13 0 R").Set(29, "<< /Type /StructElem /S /H3 /P 11 0 R /K [] >>"), ["14-003"]),
        ["09-005"] = (p => p.Edit(18, "/S /LBody", "/S /P"), ["09-005"]),
        ["09-005 (LI outside L)"] = (p => p.Edit(15, "/S /L", "/S /Div"), ["09-005"]),
        ["15-003"] = (p => p.Edit(22, "/A << /O /Table /Scope /Column >> ", ""), ["15-003"]),
        ["19-003"] = (p => p.Edit(23, "/ID (note-1) ", ""), ["19-003"]),
        ["19-004"] = (p => p.Edit(11, "24 0 R]", "24 0 R 29 0 R]").Set(29, "<< /Type /StructElem /S /Note /P 11 0 R /ID (note-1) /K [] >>"), ["19-004"]),
        ["28-011"] = (p => p.Edit(20, "/StructParent 1 ", ""), ["28-011"]),
        ["28-011 (in a Span)"] = (p => p.Edit(14, "/S /Link", "/S /Span"), ["28-011"]),
        ["28-012"] = (p => p.Edit(20, "/Contents (Go to example.org) ", ""), ["28-012"]),
        ["28-004"] = (p => p.Edit(3, "/Annots [20 0 R]", "/Annots [20 0 R 29 0 R]").Set(29, "<< /Type /Annot /Subtype /Square /Rect [0 0 10 10] /F 4 >>"), ["28-004"]),
        ["28-007"] = (p => p.Edit(3, "/Annots [20 0 R]", "/Annots [20 0 R 29 0 R]").Set(29, "<< /Type /Annot /Subtype /TrapNet /Rect [0 0 10 10] /F 4 /Contents (trap) >>"), ["28-007"]),
        ["28-008"] = (p => p.Edit(3, "/Tabs /S ", ""), ["28-008"]),
        ["28-009"] = (p => p.Edit(3, "/Tabs /S", "/Tabs /R"), ["28-009"]),
        // Transparency (PDF/A-2 6.2.10): a picture with a soft mask on a page, in a file without an output intent.
        ["pdfa-transparency-group"] = (p => WithTransparentImage(p).Edit(1, "/S /GTS_PDFA1", "/S /GTS_PDFX"), ["pdfa-output-intent", "pdfa-transparency-group"]),
        ["pdfa-transparency-group (in a form)"] = (p => WithTransparentImageInAForm(p).Edit(1, "/S /GTS_PDFA1", "/S /GTS_PDFX"), ["pdfa-output-intent", "pdfa-transparency-group"]),
        ["pdfa-blend-modes"] = (p => WithGraphicsState(p, "<< /BM /Dodge >>"), ["pdfa-blend-modes"]),
        ["pdfa-blend-modes (in a list)"] = (p => WithGraphicsState(p, "<< /BM [/Multiply /Dodge] >>"), ["pdfa-blend-modes"]),
        ["pdfa-soft-masks"] = (p => WithTransparentImage(p, "/ColorSpace /DeviceGray", "/ColorSpace /DeviceRGB"), ["pdfa-soft-masks"]),
        ["pdfa-soft-masks (not an image)"] = (p => WithTransparentImage(p, "/Subtype /Image", "/Subtype /Form"), ["pdfa-soft-masks"]),
        ["pdfa-soft-masks (masked itself)"] = (p => WithTransparentImage(p, "/BitsPerComponent 8", "/BitsPerComponent 8 /SMask 30 0 R"), ["pdfa-soft-masks"]),
        ["pdfa-soft-masks (ExtGState)"] = (p => WithGraphicsState(p, "<< /SMask /Luminosity >>"), ["pdfa-soft-masks"]),
    };

    private const string PageResources = "/Resources << /Font << /F1 7 0 R >> >>";
    private const string SoftMask = "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 >>";

    /// <summary>The clean PDF with a one-pixel picture on its page whose soft mask (object 30) is edited from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static TestPdf WithTransparentImage(TestPdf pdf, string from = "/ColorSpace /DeviceGray", string? to = null) =>
        pdf.Edit(3, PageResources, "/Resources << /Font << /F1 7 0 R >> /XObject << /Im1 29 0 R >> >>")
            .SetStream(29, "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /SMask 30 0 R >>", [10, 20, 30])
            .SetStream(30, SoftMask.Replace(from, to ?? from, StringComparison.Ordinal), [128]);

    private static TestPdf WithTransparentImageInAForm(TestPdf pdf) =>
        pdf.Edit(3, PageResources, "/Resources << /Font << /F1 7 0 R >> /XObject << /Fm1 31 0 R >> >>")
            .SetStream(31, "<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /Im1 29 0 R >> >> >>", "/Im1 Do"u8.ToArray())
            .SetStream(29, "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /SMask 30 0 R >>", [10, 20, 30])
            .SetStream(30, SoftMask, [128]);

    private static TestPdf WithGraphicsState(TestPdf pdf, string state) =>
        pdf.Edit(3, PageResources, $"/Resources << /Font << /F1 7 0 R >> /ExtGState << /GS1 {state} >> >>");

    [Fact]
    public void APictureWithASoftMask_PassesTheTransparencyChecks_InAFileWithAnOutputIntent()
    {
        var report = Auditor.Audit(WithTransparentImage(TestPdf.Clean()).Build());

        Assert.Empty(report.Failed.Select(c => $"{c.Id}: {c.Detail}"));
        Assert.Equal("1 checked.", report.Checks.Single(c => c.Id == "pdfa-transparency-group").Detail);
        Assert.Equal("1 checked.", report.Checks.Single(c => c.Id == "pdfa-soft-masks").Detail);
    }

    [Fact]
    public void APageWithTransparency_NamingItsBlendingSpace_PassesWithoutAnOutputIntent()
    {
        var pdf = WithTransparentImage(TestPdf.Clean()).Edit(1, "/S /GTS_PDFA1", "/S /GTS_PDFX")
            .Edit(3, "/Tabs /S", "/Tabs /S /Group << /S /Transparency /CS /DeviceRGB >>");

        var report = Auditor.Audit(pdf.Build());

        Assert.Equal(["pdfa-output-intent"], report.Failed.Select(c => c.Id));
    }

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Fact]
    public void TheCleanTestPdf_PassesEveryCheck()
    {
        var report = Auditor.Audit(TestPdf.Clean().Build());

        Assert.True(report.IsReadable, report.Unreadable);
        Assert.Empty(report.Failed.Select(c => $"{c.Id}: {c.Detail}"));
        Assert.Equal("PDF/A-2a", report.DeclaredPdfA);
    }

    [Fact]
    public void EveryCheck_HasACaseThatBreaksIt()
    {
        var checks = Auditor.Audit(TestPdf.Clean().Build()).Checks.Select(c => c.Id);
        var broken = Cases.Values.SelectMany(c => c.Fails).ToHashSet();

        Assert.All(checks, id => Assert.Contains(id, broken));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void BreakingOneRule_FailsItsCheck(string name)
    {
        var (breakIt, fails) = Cases[name];
        var report = Auditor.Audit(breakIt(TestPdf.Clean()).Build());

        Assert.True(report.IsReadable, report.Unreadable);
        Assert.Equal(fails.Order(), report.Failed.Select(c => c.Id).Order());
        var failed = report.Failed.First(c => c.Id == fails[0]);
        Assert.False(string.IsNullOrWhiteSpace(failed.Detail));
    }

    [Fact]
    public void AFailedCheck_NamesItsPageAndObject()
    {
        var report = Auditor.Audit(TestPdf.Clean().Edit(20, "/Contents (Go to example.org) ", "").Build());

        var check = Assert.Single(report.Failed);
        Assert.Equal(("28-012", 1, "20 0 R"), (check.Id, check.Page, check.ObjectRef));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("empty")]
    [InlineData("truncated")]
    [InlineData("header only")]
    public void NotAReadablePdf_IsOneSentence(string kind)
    {
        var clean = TestPdf.Clean().Build();
        var bytes = kind switch
        {
            "garbage" => Encoding.ASCII.GetBytes("this is not a PDF at all, just some words\n"),
            "empty" => [],
            "truncated" => clean[..(clean.Length / 2)],
            _ => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
        };

        var report = Auditor.Audit(bytes);

        Assert.False(report.IsReadable);
        Assert.False(report.Passed);
        Assert.Empty(report.Checks);
        Assert.EndsWith(".", report.Unreadable);
        Assert.DoesNotContain("\n", report.Unreadable);
        Assert.DoesNotContain("   at ", report.Unreadable);
    }

    [Fact]
    public void AnEncryptedPdf_IsNotReadable()
    {
        var report = Auditor.Audit(EncryptedPdf());

        Assert.False(report.IsReadable);
        Assert.Contains("encrypted", report.Unreadable);
    }

    /// <summary>A PDF encrypted with a user password, written by PDFsharp.</summary>
    internal static byte[] EncryptedPdf()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        document.SecuritySettings.UserPassword = "secret";
        document.SecuritySettings.OwnerPassword = "owner";
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}
