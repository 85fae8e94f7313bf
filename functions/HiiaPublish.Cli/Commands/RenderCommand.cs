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

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            WriteHelp(stdout);
            return CommandLine.Ok;
        }

        string? output = null;
        var inputs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "-o" or "--output")
            {
                if (i + 1 >= args.Length) return Usage(stderr, "-o needs a file or folder name after it.");
                output = args[++i];
            }
            else if (args[i].StartsWith('-'))
                return Usage(stderr, $"unknown option '{args[i]}'.");
            else
                inputs.Add(args[i]);
        }
        if (inputs.Count != 1)
            return Usage(stderr, "give exactly one FILE or FOLDER to render.");

        var input = inputs[0];
        var isFolder = Directory.Exists(input);
        if (!isFolder && !File.Exists(input))
            return Usage(stderr, $"'{input}' is neither a file nor a folder.");
        if (isFolder && output is null)
            return Usage(stderr, "rendering a folder needs -o OUTDIR.");

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
            stdout.Write((await report.ConfigureAwait(false)).Text);

        var failed = reports.Count(r => !r.Result.Rendered);
        stdout.WriteLine($"{files.Count - failed} of {files.Count} rendered{(failed > 0 ? $", {failed} stopped by errors" : "")}.");
        return failed > 0 ? CommandLine.InputHasErrors : CommandLine.Ok;
    }

    /// <summary>What one draft's render printed, and whether its PDF was written.</summary>
    private sealed record RenderReport(bool Rendered, string Text);

    private static RenderReport RenderOne(DraftFile file, string fullTarget, DraftRenderer drafts)
    {
        var report = new StringWriter();
        var display = file.DisplayPath;
        var assets = new FolderDraftAssets(Path.GetDirectoryName(file.FullPath)!);
        byte[] source;
        try
        {
            source = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report.WriteLine($"{display}: not rendered; could not read it ({e.Message}).");
            return new RenderReport(false, report.ToString());
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
            return new RenderReport(false, report.ToString());
        }

        foreach (var diagnostic in rendered.Diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column))
            report.WriteLine(diagnostic);

        if (rendered.Pdf is not { } pdf)
        {
            report.WriteLine($"{display}: not rendered; fix the errors above.");
            return new RenderReport(false, report.ToString());
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
            report.WriteLine($"{display}: rendered, but could not write {fullTarget} ({e.Message}). Check the folder exists and is writable.");
            return new RenderReport(false, report.ToString());
        }
        report.WriteLine($"{display} → {Path.GetRelativePath(Directory.GetCurrentDirectory(), fullTarget)} ({rendered.PageCount} pages)");
        return new RenderReport(true, report.ToString());
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* nothing more to tidy */ }
    }

    private static int Usage(TextWriter stderr, string problem)
    {
        stderr.WriteLine($"hiia render: {problem}");
        stderr.WriteLine("Run 'hiia render --help' for usage.");
        return CommandLine.Usage;
    }

    private static void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("Usage: hiia render FILE [-o OUT.pdf]");
        writer.WriteLine("       hiia render FOLDER -o OUTDIR");
        writer.WriteLine();
        writer.WriteLine("Checks each perspective (as 'hiia check' does) and, when it has no errors, typesets it into an");
        writer.WriteLine("A4 PDF in the HIIA house style. Without -o, FILE.md becomes FILE.pdf beside it. A FOLDER's drafts");
        writer.WriteLine("(every *.md below it but README.md) render side by side into OUTDIR, several at once.");
        writer.WriteLine("Exit status: 0 all rendered, 1 some stopped by errors, 2 wrong usage.");
    }
}
