using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HiiaPublish.Format.Diagnostics;

namespace HiiaPublish.Cli.Commands;

/// <summary>The diagnostics of one checked file.</summary>
internal sealed record FileReport(string File, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>Writes the report of `hiia check` for people (lines and a summary) or machines (JSON).</summary>
internal static class CheckReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // The document goes to a terminal or a CI tool, never into HTML, so accented names may stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = ReportJsonContext.Default,
    };

    /// <summary>Every diagnostic, one per line, in the files' order (for standard error).</summary>
    public static string Diagnostics(IReadOnlyList<FileReport> reports)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in reports.SelectMany(report => report.Diagnostics))
            text.Append(diagnostic).Append('\n');
        return text.ToString();
    }

    public static string Json(IReadOnlyList<FileReport> reports)
    {
        var document = new CheckJsonDocument(
            [.. reports.Select(report => new CheckJsonFile(report.File, report.Errors, report.Warnings,
                [.. report.Diagnostics.Select(d => new CheckJsonDiagnostic(d.File, d.Line, d.Column, d.Code,
                    d.Severity == Severity.Error ? "error" : "warning", d.Message, d.Field))]))],
            new CheckJsonSummary(reports.Count, reports.Sum(r => r.Errors), reports.Sum(r => r.Warnings)));
        return ReportJsonContext.Write(document, JsonOptions) + "\n";
    }

    public static string Summary(IReadOnlyList<FileReport> reports) =>
        $"{Count(reports.Count, "file")} checked: {Count(reports.Sum(r => r.Errors), "error")}, {Count(reports.Sum(r => r.Warnings), "warning")}";

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
