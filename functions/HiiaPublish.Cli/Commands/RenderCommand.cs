using System.CommandLine;
using HiiaPublish.Format.Branding;
using HiiaPublish.Format;
using HiiaPublish.Rendering;

namespace HiiaPublish.Cli.Commands;

/// <summary>
/// `hiia render FILE [-o OUT.pdf]` and `hiia render FOLDER -o OUTDIR`: check, then typeset to PDF. The draft
/// renderer is injectable so a test can make rendering fail; by default one is built per run, after the arguments
/// are checked, so wrong usage never waits for fonts to load.
/// </summary>
public sealed class RenderCommand(DraftRenderer? drafts = null) : ICommand
{
    public string Name => "render";

    public string Summary => "Check perspectives and render each to a PDF in the house style.";

    public string Details => """
        Each draft is checked as 'hiia check' does and, when it has no errors, typeset into an A4 PDF in the
        HIIA house style. A folder's drafts render side by side into OUTDIR, several at once (one per core).
        Each PDF written is reported on standard output; problems go to standard error.

        Exit code: 0 all rendered, 1 some stopped by errors, 2 wrong usage.
        """;

    public Command Define()
    {
        var inputs = CommandLine.PathsArgument("FILE|FOLDER",
            "one draft, or a folder whose drafts (every *.md below it but README.md) are rendered");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "the PDF to write for a FILE (default: FILE.pdf beside it), or the folder for a FOLDER's PDFs (needed)",
            HelpName = "OUT.pdf|OUTDIR",
        };
        var command = new Command(Name, Summary) { inputs, output };
        command.Validators.Add(result =>
        {
            var given = CommandLine.GivenPaths(result, inputs);
            var outputGiven = CommandLine.GivenValue(result, output);
            if (given.Length != 1) { result.AddError("give exactly one FILE or FOLDER to render."); return; }
            var isFolder = Directory.Exists(given[0]);
            if (!isFolder && !File.Exists(given[0])) result.AddError($"'{given[0]}' is neither a file nor a folder.");
            else if (isFolder && outputGiven is null) result.AddError("rendering a folder needs -o OUTDIR.");
        });
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed.GetValue(inputs)![0], parsed.GetValue(output),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private async Task<int> RunAsync(string input, string? output, TextWriter stdout, TextWriter stderr)
    {
        var isFolder = Directory.Exists(input);
        var files = DraftFinder.Find([input], Directory.GetCurrentDirectory());
        var targets = files
            .Select(file => isFolder
                ? Path.Combine(output!, Path.ChangeExtension(Path.GetFileName(file.FullPath), ".pdf"))
                : output ?? Path.ChangeExtension(file.FullPath, ".pdf"))
            .Select(Path.GetFullPath)
            .ToList();
        // A folder's drafts land side by side in OUTDIR: two drafts with one name would overwrite each other.
        var clash = targets
            .Select((target, index) => (target, index))
            .GroupBy(t => t.target, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            var names = string.Join(" and ", clash.Select(t => files[t.index].DisplayPath));
            return Usage(stderr, $"{names} would both become {Path.GetFileName(clash.Key)}; rename one, or render them one at a time.");
        }

        var renderer = drafts ?? new DraftRenderer(new PerspectiveParser(), new PerspectiveRenderer(TemplatesLocator.Find()));
        // Papers render in parallel, one per core; each report is printed whole and in the drafts' order.
        var reports = RenderAhead.Start(Enumerable.Range(0, files.Count).ToList(),
            i => Task.FromResult(RenderOne(files[i], targets[i], renderer)));
        foreach (var report in reports)
        {
            var (_, problems, written) = await report.ConfigureAwait(false);
            await stderr.WriteAsync(problems);
            await stdout.WriteAsync(written);
        }

        var failed = reports.Count(r => !r.Result.Rendered);
        stdout.WriteLine($"{files.Count - failed} of {files.Count} rendered{(failed > 0 ? $", {failed} stopped by errors" : "")}.");
        return failed > 0 ? CommandLine.InputHasErrors : CommandLine.Ok;
    }

    /// <summary>Whether one draft's PDF was written, its problems (for standard error) and what it wrote (for standard output).</summary>
    private sealed record RenderReport(bool Rendered, string Problems, string Written);

    private static RenderReport RenderOne(DraftFile file, string fullTarget, DraftRenderer drafts)
    {
        var report = new StringWriter();
        var display = file.DisplayPath;
        var assets = new FolderDraftAssets(Path.GetDirectoryName(file.FullPath)!);
        byte[] source;
        try
        {
            source = InputFile.ReadAllBytes(file.FullPath, InputFile.DraftReadLimit);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report.WriteLine($"{display}: not rendered; {FileProblem.Sentence(e, display)}");
            return new RenderReport(false, report.ToString(), "");
        }

        DraftRenderResult rendered;
        try
        {
            rendered = drafts.Render(new DraftSource(display, source, assets));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A fault of ours: said against this draft, and the other drafts of a folder still render.
            report.WriteLine(RenderFailure.Describe(display, e));
            return new RenderReport(false, report.ToString(), "");
        }

        foreach (var diagnostic in rendered.Diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column))
            report.WriteLine(diagnostic);

        if (rendered.Pdf is not { } pdf)
        {
            report.WriteLine($"{display}: not rendered; fix the errors above.");
            return new RenderReport(false, report.ToString(), "");
        }

        // Write beside, then move: a reader never finds a half-written PDF, and a failed write leaves the old one.
        var temporary = fullTarget + ".partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullTarget)!);
            File.WriteAllBytes(temporary, pdf);
            File.Move(temporary, fullTarget, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            report.WriteLine($"{display}: rendered, but {FileProblem.Sentence(e, fullTarget, writing: true)}");
            return new RenderReport(false, report.ToString(), "");
        }
        // Warnings, if any, went to the problems; the PDF written is the result.
        return new RenderReport(true, report.ToString(),
            $"{display} → {Path.GetRelativePath(Directory.GetCurrentDirectory(), fullTarget)} ({rendered.PageCount} pages)\n");
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* nothing more to tidy */ }
    }

    private static int Usage(TextWriter stderr, string problem)
    {
        stderr.WriteLine($"hiia render: {problem}");
        stderr.WriteLine("Run 'hiia render --help' for how to use it.");
        return CommandLine.Usage;
    }
}
