using System.Text.Json;
using HiiaPublish.Cli;
using HiiaPublish.Cli.Commands;

namespace HiiaPublish.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private const string ValidDraft = "---\ntitle: A Paper\ndate: 2026-04-21\nauthors: [Anna Kovács]\nabstract: Short.\n---\n\n## One\n\nText.\n";
    private readonly string _root = Directory.CreateTempSubdirectory("hiia-check-").FullName;

    public CheckCommandTests()
    {
        Write("papers/b-good.md", ValidDraft);
        Write("papers/a-bad.md", ValidDraft.Replace("2026-04-21", "2026-02-30").Replace("Text.", "Text <b>x</b>."));
        Write("papers/nested/c-warn.md", ValidDraft + "\n<br>\n");
        Write("papers/README.md", "# Not a paper\n");
        Write("papers/notes.txt", "not Markdown");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await new CheckCommand(workingDirectory: _root).RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Folder_IsSearchedRecursivelyInPathOrder_SkippingReadmes()
    {
        var (exit, output, error) = await Run("papers");

        Assert.Equal(CommandLine.InputHasErrors, exit);
        // The problems go to standard error, the summary (the result) to standard output.
        Assert.Equal("3 files checked: 1 error, 3 warnings\n", output);
        Assert.Equal(
        [
            "papers/a-bad.md(3,7): error HP0016: The date '2026-02-30' is not a real date in the form YYYY-MM-DD (for example 2026-04-21).",
            "papers/a-bad.md(10,6): warning HP0035: HTML is not interpreted; '<b>' will be printed as it is written. Use Markdown instead, or remove it.",
            "papers/a-bad.md(10,10): warning HP0035: HTML is not interpreted; '</b>' will be printed as it is written. Use Markdown instead, or remove it.",
            "papers/nested/c-warn.md(12,1): warning HP0035: HTML is not interpreted; '<br>' will be printed as it is written. Use Markdown instead, or remove it.",
        ], error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task WarningsAlone_ExitWithZero()
    {
        var (exit, output, _) = await Run("papers/nested/c-warn.md", "papers/b-good.md");

        Assert.Equal(CommandLine.Ok, exit);
        Assert.EndsWith("2 files checked: 0 errors, 1 warning\n", output);
    }

    [Fact]
    public async Task JsonFormat_IsOneDocumentWithEveryDiagnostic()
    {
        var (exit, output, error) = await Run("--format", "json", "papers/a-bad.md");

        Assert.Equal(CommandLine.InputHasErrors, exit);
        Assert.Equal("", error); // the document is the whole answer, on standard output
        using var json = JsonDocument.Parse(output);
        var file = json.RootElement.GetProperty("files")[0];
        Assert.Equal("papers/a-bad.md", file.GetProperty("file").GetString());
        var first = file.GetProperty("diagnostics")[0];
        Assert.Equal(3, first.GetProperty("line").GetInt32());
        Assert.Equal(7, first.GetProperty("column").GetInt32());
        Assert.Equal("HP0016", first.GetProperty("code").GetString());
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("/date", first.GetProperty("field").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("warnings").GetInt32());
    }

    [Theory]
    [InlineData(new string[0], "give at least one draft file or folder")]
    [InlineData(new[] { "papers/none.md" }, "'papers/none.md' does not exist")]
    [InlineData(new[] { "--format", "xml", "papers" }, "unknown format 'xml'")]
    [InlineData(new[] { "--format" }, "--format needs a value")]
    [InlineData(new[] { "--strict", "papers" }, "unknown option '--strict'")]
    [InlineData(new[] { "--format=xml", "papers" }, "unknown format 'xml'")]
    public async Task WrongUsage_ExitsWithTwoAndSaysWhy(string[] args, string reason)
    {
        var (exit, output, error) = await Run(args);

        Assert.Equal(CommandLine.Usage, exit);
        Assert.Empty(output);
        Assert.StartsWith("hiia check: ", error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public async Task FileOverTheLimit_IsRefusedWithoutBeingParsed()
    {
        File.WriteAllBytes(Path.Combine(_root, "huge.md"), new byte[2 * 1024 * 1024 + 1]);

        var (exit, _, error) = await Run("huge.md");

        Assert.Equal(CommandLine.InputHasErrors, exit);
        Assert.StartsWith("huge.md(1,1): error HP0001: The file is 2,097,153 bytes, more than the limit of 2,097,152 bytes", error);
    }

    [Fact]
    public async Task UnreadableFile_IsReportedAsAnError()
    {
        // A link to nothing is listed in its folder but cannot be read, even by root.
        Directory.CreateDirectory(Path.Combine(_root, "broken"));
        File.CreateSymbolicLink(Path.Combine(_root, "broken", "dangling.md"), Path.Combine(_root, "nowhere.md"));

        var (exit, _, error) = await Run("broken");

        Assert.Equal(CommandLine.InputHasErrors, exit);
        Assert.StartsWith("broken/dangling.md(1,1): error HP0045: The file cannot be read", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Help_SaysWhatTheCommandDoes()
    {
        var (exit, output, _) = await Run("--help");

        Assert.Equal(CommandLine.Ok, exit);
        Assert.Contains("hiia check [<FILE|FOLDER>...] [options]", output);
        Assert.Contains("--format <text|json>", output);
        Assert.Contains("Exit code: 0 when no file has errors", output);
    }

    [Fact]
    public async Task Dispatcher_ListsCheckInItsHelp_AndRefusesUnknownCommands()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        Assert.Equal(CommandLine.Ok, await CommandLine.RunAsync(["--help"], stdout, stderr));
        Assert.Contains("check", stdout.ToString());
        Assert.Equal(CommandLine.Usage, await CommandLine.RunAsync(["frobnicate"], stdout, stderr));
        Assert.Contains("unknown command 'frobnicate'", stderr.ToString());
    }
}
