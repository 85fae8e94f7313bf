using HiiaPublish.Format.Common;

namespace HiiaPublish.Format.Diagnostics;

/// <summary>
/// Collects the problems of one file as they are found, so that all of them are reported together.
/// Small per-parse state: create one per file.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly int _maxItems;
    private int _errors;
    private int _dropped;

    /// <param name="maxItems">Problems kept; past them each is only counted (issue 15: 150,000 copies of one problem took 360 MB).</param>
    public DiagnosticBag(string file, int maxItems = int.MaxValue)
    {
        File = file;
        _maxItems = maxItems;
    }

    public string File { get; }

    public bool HasErrors => _errors > 0;

    public int Count => _items.Count + _dropped;

    public int ErrorCount => _errors;

    public void Report(DiagnosticDescriptor descriptor, SourcePosition at, params object?[] arguments) =>
        ReportField(descriptor, at, null, arguments);

    public void ReportField(DiagnosticDescriptor descriptor, SourcePosition at, string? field, params object?[] arguments)
    {
        if (descriptor.Severity == Severity.Error) _errors++;
        if (_items.Count >= _maxItems)
        {
            _dropped++;
            return;
        }
        _items.Add(descriptor.At(File, at.Line, at.Column, arguments) with { Field = field });
    }

    /// <summary>
    /// Errors first, then warnings; each group by line, column and code. The order is total, so the
    /// output never depends on the order in which checks happened to run.
    /// </summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        _items
            .Concat(_dropped > 0 ? [DiagnosticCatalog.TooManyProblems.At(File, 1, 1, _maxItems, _dropped)] : [])
            .OrderBy(d => d.Severity)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .Distinct()
            .ToArray();
}
