namespace HiiaPublish.Pdf.Audit;

/// <summary>
/// One rule the audit checked. <paramref name="Id"/> is the Matterhorn Protocol failure condition where one
/// exists ("28-012"), otherwise a plain name ("pdfa-fonts-embedded"). Where it failed, <paramref name="Page"/>
/// (1-based) and <paramref name="ObjectRef"/> ("12 0 R") point at the first offender and
/// <paramref name="Detail"/> says how many there were.
/// </summary>
public sealed record AuditCheck(string Id, string Title, bool Passed, int? Page, string? ObjectRef, string Detail);

/// <summary>
/// What <see cref="PdfAuditor"/> found. <see cref="Unreadable"/> is set (and there are no checks) when the bytes are
/// not a PDF the audit can read: garbage, truncated, encrypted.
/// </summary>
public sealed record AuditReport(IReadOnlyList<AuditCheck> Checks, string? DeclaredPdfA = null, string? Unreadable = null)
{
    public static AuditReport NotReadable(string sentence) => new([], null, sentence);

    public bool IsReadable => Unreadable is null;

    /// <summary>True only for a readable PDF whose every check passed.</summary>
    public bool Passed => IsReadable && Checks.All(c => c.Passed);

    public int PassedCount => Checks.Count(c => c.Passed);

    public IReadOnlyList<AuditCheck> Failed => [.. Checks.Where(c => !c.Passed)];
}

/// <summary>Audits PDF bytes; an interface so a workflow test can stand in for it.</summary>
public interface IPdfAudit
{
    AuditReport Audit(byte[] pdf);
}
