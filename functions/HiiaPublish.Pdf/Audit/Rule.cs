namespace HiiaPublish.Pdf.Audit;

/// <summary>Collects the offenders against one rule while the audit walks the file, then becomes its <see cref="AuditCheck"/>.</summary>
internal sealed class Rule(string id, string title)
{
    private readonly List<(int? Page, string? Object, string What)> _failures = [];
    private int _examined;

    public string Id => id;

    public void Examined(int count = 1) => _examined += count;

    public void Fail(string what, int? page = null, string? objectRef = null) =>
        _failures.Add((page, string.IsNullOrEmpty(objectRef) ? null : objectRef, what));

    public AuditCheck ToCheck(string? passedDetail = null)
    {
        if (_failures.Count == 0)
            return new AuditCheck(id, title, true, null, null, passedDetail ?? (_examined > 0 ? $"{_examined} checked." : "Nothing in the file this applies to."));
        var (page, objectRef, what) = _failures[0];
        var more = _failures.Count > 1 ? $" ({_failures.Count} in all; the first is shown)" : "";
        return new AuditCheck(id, title, false, page, objectRef, what + more);
    }
}
