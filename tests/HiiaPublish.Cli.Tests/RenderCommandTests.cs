using HiiaPublish.Cli;
using HiiaPublish.Cli.Commands;

namespace HiiaPublish.Cli.Tests;

public sealed class RenderCommandTests : IDisposable
{
    private const string ValidDraft = "---\ntitle: A Paper\ndate: 2026-04-21\nauthors: [Anna Kovács]\nabstract: Short.\n---\n\n## One\n\nText.\n";
    private readonly string _root = Directory.CreateTempSubdirectory("hiia-render-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await new RenderCommand().RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Both streams into one writer, as a terminal shows them: for checking the order of the reports.</summary>
    private static async Task<(int Exit, string Both)> RunInterleaved(params string[] args)
    {
        var both = new StringWriter();
        var exit = await new RenderCommand().RunAsync(args, both, both);
        return (exit, both.ToString());
    }

    [Fact]
    public async Task File_IsRenderedBesideItself_WhenNoOutputIsGiven()
    {
        var draft = Write("paper.md", ValidDraft);
        var (exit, output, error) = await Run(draft);
        Assert.Equal(CommandLine.Ok, exit);
        var pdf = Path.Combine(_root, "paper.pdf");
        Assert.StartsWith("%PDF-", File.ReadAllText(pdf)[..8]);
        Assert.Matches(@"paper\.md → .*paper\.pdf \(\d+ pages\)\n1 of 1 rendered\.\n$", output);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task Folder_IsRenderedIntoTheOutputFolder()
    {
        Write("in/a.md", ValidDraft);
        Write("in/b.md", ValidDraft.Replace("A Paper", "Another Paper"));
        var (exit, output, _) = await Run(Path.Combine(_root, "in"), "-o", Path.Combine(_root, "out"));
        Assert.Equal(CommandLine.Ok, exit);
        Assert.True(File.Exists(Path.Combine(_root, "out", "a.pdf")));
        Assert.True(File.Exists(Path.Combine(_root, "out", "b.pdf")));
        Assert.Contains("2 of 2 rendered.", output);
    }

    [Fact]
    public async Task Folder_RendersInParallel_ButReportsInOrder_AndEachPdfEqualsItsRenderAlone()
    {
        string[] names = ["a", "b", "c", "d", "e"];
        foreach (var name in names)
        {
            var draft = name == "c"
                ? ValidDraft.Replace("2026-04-21", "2026-02-30")
                : ValidDraft.Replace("A Paper", $"Paper {name.ToUpperInvariant()}").Replace("Text.", $"Text of paper {name}, long enough to fill a line or two of the page so that the renders differ.");
            Write($"in/{name}.md", draft);
        }

        var (exit, output) = await RunInterleaved(Path.Combine(_root, "in"), "-o", Path.Combine(_root, "out"));

        Assert.Equal(CommandLine.InputHasErrors, exit);
        Assert.Contains("4 of 5 rendered, 1 stopped by errors.", output);
        // Each draft's report is whole and in the drafts' order, whichever render finished first.
        var mentions = names.Select(name => output.IndexOf($"{name}.md", StringComparison.Ordinal)).ToList();
        Assert.All(mentions, position => Assert.True(position >= 0));
        Assert.Equal(mentions.Order().ToList(), mentions);
        Assert.Matches(@"c\.md\(\d+,\d+\): error HP\d{4}: [^\n]*\n[^\n]*c\.md: not rendered", output.Replace("\r", ""));
        Assert.False(File.Exists(Path.Combine(_root, "out", "c.pdf")));

        foreach (var name in names.Where(n => n != "c"))
        {
            var alone = Path.Combine(_root, "alone", $"{name}.pdf");
            var (aloneExit, _, _) = await Run(Path.Combine(_root, "in", $"{name}.md"), "-o", alone);
            Assert.Equal(CommandLine.Ok, aloneExit);
            Assert.Equal(File.ReadAllBytes(alone), File.ReadAllBytes(Path.Combine(_root, "out", $"{name}.pdf")));
        }
    }

    [Fact]
    public async Task Folder_WithTwoDraftsOfOneName_IsRefused_BeforeAnythingIsWritten()
    {
        Write("in/2025/outlook.md", ValidDraft);
        Write("in/2026/outlook.md", ValidDraft.Replace("A Paper", "Another Paper"));
        var (exit, _, error) = await Run(Path.Combine(_root, "in"), "-o", Path.Combine(_root, "out"));
        Assert.Equal(CommandLine.Usage, exit);
        Assert.Contains("in/2025/outlook.md and ", error);
        Assert.Contains("in/2026/outlook.md would both become outlook.pdf", error);
        Assert.False(Directory.Exists(Path.Combine(_root, "out")));
    }

    [Fact]
    public async Task AnUnwritableTarget_IsExplained_AndLeavesNoPartialFile()
    {
        var draft = Write("paper.md", ValidDraft);
        Write("blocked", "a file where the output folder should be");
        var (exit, output, error) = await Run(draft, "-o", Path.Combine(_root, "blocked", "paper.pdf"));
        Assert.Equal(CommandLine.InputHasErrors, exit);
        Assert.Contains("paper.md: rendered, but could not write", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal("0 of 1 rendered, 1 stopped by errors.\n", output);
        Assert.Empty(Directory.GetFiles(_root, "*.partial", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Errors_StopTheRender_AreReportedLikeCheck_AndLeaveNoPdf()
    {
        var draft = Write("bad.md", ValidDraft.Replace("2026-04-21", "2026-02-30"));
        var (exit, output, error) = await Run(draft, "-o", Path.Combine(_root, "bad.pdf"));
        Assert.Equal(CommandLine.InputHasErrors, exit);
        Assert.Matches(@"bad\.md\(\d+,\d+\): error HP\d{4}: ", error);
        Assert.Contains("not rendered", error);
        Assert.Equal("0 of 1 rendered, 1 stopped by errors.\n", output);
        Assert.Empty(Directory.GetFiles(_root, "*.pdf*"));
    }

    [Theory]
    [InlineData(new string[0], "exactly one")]
    [InlineData(new[] { "--bogus" }, "unknown option")]
    [InlineData(new[] { "missing.md" }, "neither a file nor a folder")]
    [InlineData(new[] { "a.md", "--output" }, "--output needs a value")]
    public async Task WrongUsage_IsExplained(string[] args, string expected)
    {
        var (exit, output, error) = await Run(args);
        Assert.Equal(CommandLine.Usage, exit);
        Assert.Equal("", output);
        Assert.StartsWith("hiia render: ", error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task AFolderWithoutOutput_IsWrongUsage()
    {
        Write("in/a.md", ValidDraft);
        var (exit, _, error) = await Run(Path.Combine(_root, "in"));
        Assert.Equal(CommandLine.Usage, exit);
        Assert.Contains("needs -o OUTDIR", error);
    }
}
