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
    };

    private readonly IPdfAudit _auditor = auditor ?? new PdfAuditor();

    public string Name => "audit";

    public string Summary => "Check a PDF against PDF/A-2 and PDF/UA-1 (accessibility) and report each check.";

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? file = null;
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                await WriteHelpAsync(stdout);
                return CommandLine.Ok;
            }
            if (arg == "--format" || arg.StartsWith("--format=", StringComparison.Ordinal))
            {
                var value = arg == "--format" ? (i + 1 < args.Length ? args[++i] : null) : arg["--format=".Length..];
                if (value is not ("json" or "text"))
                    return await UsageAsync(stderr, value is null ? "--format needs a value: text or json." : $"unknown format '{value}'; use text or json.");
                json = value == "json";
            }
            else if (arg.StartsWith('-') && arg.Length > 1) return await UsageAsync(stderr, $"unknown option '{arg}'.");
            else if (file is not null) return await UsageAsync(stderr, "give one PDF file to audit.");
            else file = arg;
        }
        if (file is null) return await UsageAsync(stderr, "give the PDF file to audit.");

        var path = Path.GetFullPath(file, workingDirectory ?? Directory.GetCurrentDirectory());
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var reason = exception is FileNotFoundException or DirectoryNotFoundException ? "it does not exist" : "it could not be read";
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

    internal static string Json(string file, AuditReport report) => JsonSerializer.Serialize(new
    {
        File = file,
        report.Passed,
        report.DeclaredPdfA,
        PassedCount = report.PassedCount,
        Total = report.Checks.Count,
        report.Checks,
    }, JsonOptions) + "\n";

    private static async Task<int> UsageAsync(TextWriter stderr, string problem)
    {
        await stderr.WriteLineAsync($"hiia audit: {problem}");
        await stderr.WriteLineAsync("Run 'hiia audit --help' for how to use it.");
        return CommandLine.Usage;
    }

    private static async Task WriteHelpAsync(TextWriter writer)
    {
        await writer.WriteLineAsync("""
            hiia audit: check a PDF against PDF/A-2 and PDF/UA-1, the rules a machine can check.

            Usage: hiia audit [--format text|json] FILE.pdf

            Every check is printed as 'pass' or 'FAIL' with its id (the Matterhorn Protocol's number where there
            is one) and, when it fails, the page and object of the first offender; then a summary such as
            'paper.pdf: 31 of 32 checks pass'. What each check means, and what only a person can judge, is in
            docs/accessibility.md.

            Options:
              --format text   the lines above (default)
              --format json   one JSON document: passed, counts and every check
              -h, --help      show this help

            Exit code: 0 when every check passes, 1 when any fails, 2 for wrong usage or a file that is not a
            readable PDF (missing, truncated, encrypted or not a PDF at all).
            """);
    }
}
