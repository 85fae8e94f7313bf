using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HiiaPublish.Pdf.Audit;

namespace HiiaPublish.Cli.Commands;

/// <summary>
/// `hiia audit FILE.pdf [--format json]`: checks any PDF against the PDF/A-2 and PDF/UA-1 rules of
/// <see cref="PdfAuditor"/> and prints each check with pass or fail, page and object.
/// </summary>
public sealed class AuditCommand(IPdfAudit? auditor = null, string? workingDirectory = null) : ICommand
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = ReportJsonContext.Default,
    };

    private readonly IPdfAudit _auditor = auditor ?? new PdfAuditor();

    public string Name => "audit";

    public string Summary => "Check a PDF against PDF/A-2 and PDF/UA-1 (accessibility) and report each check.";

    public string Details => """
        Only the rules a machine can check. Every check is printed as 'pass' or 'FAIL' with its id (the
        Matterhorn Protocol's number where there is one) and, when it fails, the page and object of the first
        offender; then a summary such as 'paper.pdf: 31 of 32 checks pass'. What each check means, and what
        only a person can judge, is in docs/accessibility.md.

        Exit code: 0 when every check passes, 1 when any fails, 2 for wrong usage or a file that is not a
        readable PDF (missing, truncated, encrypted or not a PDF at all).
        """;

    public Command Define()
    {
        var files = CommandLine.PathsArgument("FILE.pdf", "the PDF to check");
        var format = CommandLine.FormatOption("one document with passed, counts and every check");
        var command = new Command(Name, Summary) { files, format };
        command.Validators.Add(result =>
        {
            CommandLine.GivenValue(result, format);
            var given = CommandLine.GivenPaths(result, files);
            if (given.Length == 0) result.AddError("give the PDF file to audit.");
            else if (given.Length > 1) result.AddError("give one PDF file to audit.");
        });
        command.SetAction(parsed => RunAsync(parsed.GetValue(files)![0], parsed.GetValue(format) == "json",
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private async Task<int> RunAsync(string file, bool json, TextWriter stdout, TextWriter stderr)
    {
        var path = Path.GetFullPath(file, workingDirectory ?? Directory.GetCurrentDirectory());
        byte[] bytes;
        try
        {
            bytes = await InputFile.ReadAllBytesAsync(path, InputFile.PdfReadLimit);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var reason = exception is FileNotFoundException or DirectoryNotFoundException ? "it does not exist"
                : exception is InputFile.RefusedException ? exception.Message : "it could not be read";
            await stderr.WriteLineAsync($"hiia audit: '{file}' is not a readable PDF: {reason}.");
            return CommandLine.Usage;
        }

        var report = _auditor.Audit(bytes);
        if (!report.IsReadable)
        {
            await stderr.WriteLineAsync($"hiia audit: '{file}' is not a readable PDF. {report.Unreadable}");
            return CommandLine.Usage;
        }
        await stdout.WriteAsync(json ? Json(file, report) : Text(file, report));
        return report.Passed ? CommandLine.Ok : CommandLine.InputHasErrors;
    }

    internal static string Text(string file, AuditReport report)
    {
        var text = new StringBuilder();
        foreach (var check in report.Checks)
        {
            text.Append(check.Passed ? "pass " : "FAIL ").Append(check.Id).Append(": ").Append(check.Title);
            if (!check.Passed)
            {
                var where = string.Join(", ", new[] { check.Page is { } p ? $"page {p}" : null, check.ObjectRef is { } o ? $"object {o}" : null }.OfType<string>());
                text.Append("\n     ").Append(where.Length > 0 ? $"{where}: " : "").Append(check.Detail);
            }
            text.Append('\n');
        }
        text.Append($"{file}: {report.PassedCount} of {report.Checks.Count} checks pass");
        if (report.DeclaredPdfA is { } declared) text.Append($" (declares {declared})");
        return text.Append('\n').ToString();
    }

    internal static string Json(string file, AuditReport report) => ReportJsonContext.Write(
        new AuditJsonDocument(file, report.Passed, report.DeclaredPdfA, report.PassedCount, report.Checks.Count, report.Checks), JsonOptions) + "\n";
}
