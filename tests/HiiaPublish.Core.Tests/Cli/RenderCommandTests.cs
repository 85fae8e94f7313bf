using HiiaPublish.Cli;
using HiiaPublish.Cli.Commands;

namespace HiiaPublish.Core.Tests.Cli;

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

    [Fact]
    public async Task File_IsRenderedBesideItself_WhenNoOutputIsGiven()
    {
        var draft = Write("paper.md", ValidDraft);
        var (exit, output, _) = await Run(draft);
        Assert.Equal(CommandLine.Ok, exit);
        var pdf = Path.Combine(_root, "paper.pdf");
        Assert.StartsWith("%PDF-", File.ReadAllText(pdf)[..8]);
        Assert.Contains("1 of 1 rendered.", output);
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
    public async Task Errors_StopTheRender_AreReportedLikeCheck_AndLeaveNoPdf()
    {
        var draft = Write("bad.md", ValidDraft.Replace("2026-04-21", "2026-02-30"));
        var (exit, output, _) = await Run(draft, "-o", Path.Combine(_root, "bad.pdf"));
        Assert.Equal(CommandLine.InputHasErrors, exit);
        Assert.Matches(@"bad\.md\(\d+,\d+\): error HP\d{4}: ", output);
        Assert.Contains("not rendered", output);
        Assert.Empty(Directory.GetFiles(_root, "*.pdf*"));
    }

    [Theory]
    [InlineData(new string[0], "exactly one")]
    [InlineData(new[] { "--bogus" }, "unknown option")]
    [InlineData(new[] { "missing.md" }, "neither a file nor a folder")]
    public async Task WrongUsage_IsExplained(string[] args, string expected)
    {
        var (exit, _, error) = await Run(args);
        Assert.Equal(CommandLine.Usage, exit);
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
