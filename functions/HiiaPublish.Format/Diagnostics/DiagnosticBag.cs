using HiiaPublish.Format.Common;

namespace HiiaPublish.Format.Diagnostics;

/// <summary>
/// Collects the problems of one file as they are found, so that all of them are reported together.
/// Small per-parse state: create one per file.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public DiagnosticBag(string file) => File = file;

    public string File { get; }

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public int Count => _items.Count;

    public int ErrorCount => _items.Count(d => d.Severity == Severity.Error);

    public void Report(DiagnosticDescriptor descriptor, SourcePosition at, params object?[] arguments) =>
        ReportField(descriptor, at, null, arguments);

    public void ReportField(DiagnosticDescriptor descriptor, SourcePosition at, string? field, params object?[] arguments) =>
        _items.Add(descriptor.At(File, at.Line, at.Column, arguments) with { Field = field });

    /// <summary>
    /// Errors first, then warnings; each group by line, column and code. The order is total, so the
    /// output never depends on the order in which checks happened to run.
    /// </summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        _items
            .OrderBy(d => d.Severity)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .Distinct()
            .ToArray();
}
