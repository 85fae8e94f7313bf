using HiiaPublish.Core.Branding;
using HiiaPublish.Core.Diagnostics;
using HiiaPublish.Core.Format;
using HiiaPublish.Core.Rendering;

namespace HiiaPublish.Cli.Commands;

/// <summary>`hiia render FILE [-o OUT.pdf]` and `hiia render FOLDER -o OUTDIR`: check, then typeset to PDF.</summary>
public sealed class RenderCommand : ICommand
{
    public string Name => "render";
    public string Summary => "Check perspectives and render each to a PDF in the house style.";

    public Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            WriteHelp(stdout);
            return Task.FromResult(CommandLine.Ok);
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
        var renderer = new PerspectiveRenderer(TemplatesLocator.Find());
        var parser = new PerspectiveParser();
        var failed = 0;
        foreach (var file in files)
        {
            var target = isFolder
                ? Path.Combine(output!, Path.ChangeExtension(Path.GetFileName(file.FullPath), ".pdf"))
                : output ?? Path.ChangeExtension(file.FullPath, ".pdf");
            if (!RenderOne(file, target, parser, renderer, stdout))
                failed++;
        }

        stdout.WriteLine($"{files.Count - failed} of {files.Count} rendered{(failed > 0 ? $", {failed} stopped by errors" : "")}.");
        return Task.FromResult(failed > 0 ? CommandLine.InputHasErrors : CommandLine.Ok);
    }

    private static bool RenderOne(DraftFile file, string target, PerspectiveParser parser, PerspectiveRenderer renderer, TextWriter stdout)
    {
        var display = file.DisplayPath;
        var assets = new FolderDraftAssets(Path.GetDirectoryName(file.FullPath)!);
        var parsed = parser.Parse(new DraftSource(display, File.ReadAllBytes(file.FullPath), assets));
        var diagnostics = new List<Diagnostic>(parsed.Diagnostics);
        RenderResult? rendered = null;
        if (parsed.Perspective is { } perspective && !parsed.HasErrors)
        {
            rendered = renderer.Render(perspective, assets, display);
            diagnostics.AddRange(rendered.Diagnostics);
        }

        foreach (var diagnostic in diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column))
            stdout.WriteLine(diagnostic);

        if (rendered?.Pdf is not { } pdf || rendered.HasErrors)
        {
            stdout.WriteLine($"{display}: not rendered; fix the errors above.");
            return false;
        }

        // Write beside, then move: a reader never finds a half-written PDF.
        var fullTarget = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(fullTarget)!);
        var temporary = fullTarget + ".partial";
        File.WriteAllBytes(temporary, pdf);
        File.Move(temporary, fullTarget, overwrite: true);
        stdout.WriteLine($"{display} → {Path.GetRelativePath(Directory.GetCurrentDirectory(), fullTarget)} ({rendered.PageCount} pages)");
        return true;
    }

    private static Task<int> Usage(TextWriter stderr, string problem)
    {
        stderr.WriteLine($"hiia render: {problem}");
        stderr.WriteLine("Run 'hiia render --help' for usage.");
        return Task.FromResult(CommandLine.Usage);
    }

    private static void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("Usage: hiia render FILE [-o OUT.pdf]");
        writer.WriteLine("       hiia render FOLDER -o OUTDIR");
        writer.WriteLine();
        writer.WriteLine("Checks each perspective (as 'hiia check' does) and, when it has no errors, typesets it into an");
        writer.WriteLine("A4 PDF in the HIIA house style. Without -o, FILE.md becomes FILE.pdf beside it.");
        writer.WriteLine("Exit status: 0 all rendered, 1 some stopped by errors, 2 wrong usage.");
    }
}
