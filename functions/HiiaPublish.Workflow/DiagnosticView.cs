using HiiaPublish.Format.Diagnostics;

namespace HiiaPublish.Workflow;

/// <summary>A diagnostic as stored with a revision and shown to the editor (severity as "error" or "warning").</summary>
public sealed record DiagnosticView(string File, int Line, int Column, string Code, string Severity, string Message, string? Field = null)
{
    // A table entity holds at most 1 MB; a draft with thousands of problems is shown its first hundred, which
    // is more than anyone fixes before uploading again.
    public const int MaxStored = 100;

    public static DiagnosticView From(Diagnostic diagnostic) =>
        new(diagnostic.File, diagnostic.Line, diagnostic.Column, diagnostic.Code,
            diagnostic.Severity == Format.Diagnostics.Severity.Error ? "error" : "warning", diagnostic.Message, diagnostic.Field);

    public static IReadOnlyList<DiagnosticView> FromAll(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Take(MaxStored).Select(From).ToArray();
}
