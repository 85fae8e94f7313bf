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
    };

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
