using HiiaPublish.Pdf.Audit;

namespace HiiaPublish.Testing;

/// <summary>
/// Stands in for the PDF audit where the preview is fake bytes: every preview passes its two checks, unless a
/// test names checks in <see cref="Failing"/>.
/// </summary>
public sealed class FakePdfAudit : IPdfAudit
{
    public IReadOnlyList<string> Failing { get; set; } = [];

    public AuditReport Audit(byte[] pdf) => new(
    [
        new AuditCheck("06-002", "XMP declares PDF/UA (pdfuaid:part)", !Failing.Contains("06-002"), null, null, "fake"),
        new AuditCheck("28-012", "Every link annotation has an alternate description (/Contents)", !Failing.Contains("28-012"), 1, "20 0 R", "fake"),
    ], "PDF/A-2a");
}
