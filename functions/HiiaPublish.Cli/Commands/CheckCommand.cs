using System.CommandLine;
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

    public string Details => """
        Images are looked up beside each draft.

        Every problem is printed to standard error as
          file(line,col): error HP0012: what is wrong and what to do
        and a summary such as '2 files checked: 1 error, 3 warnings' to standard output.
        The codes are explained in docs/perspective-format.md.

        Exit code: 0 when no file has errors (warnings allowed), 1 when any has errors, 2 for wrong usage.
        """;

    public Command Define()
    {
        var workingDirectory = _workingDirectory ?? Directory.GetCurrentDirectory();
        var paths = CommandLine.PathsArgument("FILE|FOLDER",
            "a draft (Markdown with YAML front matter), or a folder searched with its subfolders for *.md (README.md skipped)");
        var format = CommandLine.FormatOption("one document with every file and its diagnostics");
        var command = new Command(Name, Summary) { paths, format };
        command.Validators.Add(result =>
        {
            CommandLine.GivenValue(result, format);
            var given = CommandLine.GivenPaths(result, paths);
            if (given.Length == 0) result.AddError("give at least one draft file or folder to check.");
            foreach (var path in given)
                if (Path.GetFullPath(path, workingDirectory) is var full && !File.Exists(full) && !Directory.Exists(full))
                    result.AddError($"'{path}' does not exist (no such file or folder).");
        });
        command.SetAction(parsed => RunAsync(new CheckRequest(parsed.GetValue(paths)!, parsed.GetValue(format) == "json"),
            workingDirectory, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private async Task<int> RunAsync(CheckRequest request, string workingDirectory, TextWriter stdout, TextWriter stderr)
    {
        var files = DraftFinder.Find(request.Paths, workingDirectory);
        var reports = files.Select(Check).ToArray();
        if (request.Json)
            await stdout.WriteAsync(CheckReportWriter.Json(reports));
        else
        {
            await stderr.WriteAsync(CheckReportWriter.Diagnostics(reports));
            await stdout.WriteLineAsync(CheckReportWriter.Summary(reports));
        }
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
            var result = _parser.Parse(new DraftSource(file.DisplayPath, InputFile.ReadAllBytes(file.FullPath, limit), assets));
            return new FileReport(file.DisplayPath, result.Diagnostics);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var unreadable = DiagnosticCatalog.FileUnreadable;
            return new FileReport(file.DisplayPath,
                [new Diagnostic(file.DisplayPath, 1, 1, unreadable.Code, unreadable.Severity, unreadable.FormatMessage(exception.Message))]);
        }
    }
}

/// <summary>What `hiia check` was asked to do.</summary>
internal sealed record CheckRequest(IReadOnlyList<string> Paths, bool Json);
