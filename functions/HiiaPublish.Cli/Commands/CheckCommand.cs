using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Format;

namespace HiiaPublish.Cli.Commands;

/// <summary>
/// `hiia check FILE|FOLDER...`: reads every draft given (folders: every *.md below, README.md aside)
/// and prints every problem in the form editors' tools and CI understand, then a summary.
/// </summary>
public sealed class CheckCommand : ICommand
{
    private readonly PerspectiveParser _parser;
    private readonly string? _workingDirectory;

    /// <param name="parser">The parser to use (one is built when none is given).</param>
    /// <param name="workingDirectory">Where relative paths start and are shown from; the current directory by default.</param>
    public CheckCommand(PerspectiveParser? parser = null, string? workingDirectory = null)
    {
        _parser = parser ?? new PerspectiveParser();
        _workingDirectory = workingDirectory;
    }

    public string Name => "check";

    public string Summary => "Check drafts (Markdown + front matter) and report every problem with its line and column.";

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var workingDirectory = _workingDirectory ?? Directory.GetCurrentDirectory();
        var request = CheckRequest.Parse(args, workingDirectory, out var usageError);
        if (usageError is not null)
        {
            await stderr.WriteLineAsync($"hiia check: {usageError}");
            await stderr.WriteLineAsync("Run 'hiia check --help' for how to use it.");
            return CommandLine.Usage;
        }
        if (request!.ShowHelp)
        {
            await WriteHelpAsync(stdout);
            return CommandLine.Ok;
        }

        var files = DraftFinder.Find(request.Paths, workingDirectory);
        var reports = files.Select(Check).ToArray();
        var output = request.Json ? CheckReportWriter.Json(reports) : CheckReportWriter.Text(reports);
        await stdout.WriteAsync(output);
        return reports.Any(report => report.Diagnostics.Any(d => d.Severity == Severity.Error))
            ? CommandLine.InputHasErrors
            : CommandLine.Ok;
    }

    private FileReport Check(DraftFile file)
    {
        var limit = _parser.Options.MaxFileBytes;
        try
        {
            // A file over the limit is refused from its length alone, without reading it into memory.
            var length = new FileInfo(file.FullPath).Length;
            if (length > limit)
            {
                var tooLarge = DiagnosticCatalog.FileTooLarge;
                return new FileReport(file.DisplayPath,
                    [new Diagnostic(file.DisplayPath, 1, 1, tooLarge.Code, tooLarge.Severity, tooLarge.FormatMessage(length, limit))]);
            }

            var assets = new FolderDraftAssets(Path.GetDirectoryName(file.FullPath)!);
            var result = _parser.Parse(new DraftSource(file.DisplayPath, File.ReadAllBytes(file.FullPath), assets));
            return new FileReport(file.DisplayPath, result.Diagnostics);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var unreadable = DiagnosticCatalog.FileUnreadable;
            return new FileReport(file.DisplayPath,
                [new Diagnostic(file.DisplayPath, 1, 1, unreadable.Code, unreadable.Severity, unreadable.FormatMessage(exception.Message))]);
        }
    }

    private static async Task WriteHelpAsync(TextWriter writer)
    {
        await writer.WriteLineAsync("""
            hiia check: check perspective drafts and report every problem at once.

            Usage: hiia check [--format text|json] FILE|FOLDER...

            Each FILE is a draft (Markdown with YAML front matter). Each FOLDER is searched, with its
            subfolders, for *.md files (README.md files are skipped). Images are looked up beside each draft.

            Every problem is printed as
              file(line,col): error HP0012: what is wrong and what to do
            followed by a summary such as '2 files checked: 1 error, 3 warnings'.
            The codes are explained in docs/perspective-format.md.

            Options:
              --format text   the lines above (default)
              --format json   one JSON document: files, each with its diagnostics
              -h, --help      show this help

            Exit code: 0 when no file has errors (warnings allowed), 1 when any has errors, 2 for wrong usage.
            """);
    }
}
