using System.Text.Json;
using HiiaPublish.Cli;
using HiiaPublish.Cli.Commands;
using HiiaPublish.Format;
using HiiaPublish.Rendering;

namespace HiiaPublish.Cli.Tests;

/// <summary>
/// What every `hiia` command shares, as a user meets it: help anywhere, the version, `--opt=value`, usage errors with
/// exit code 2, results on standard output and problems on standard error.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private const string ValidDraft = "---\ntitle: A Paper\ndate: 2026-04-21\nauthors: [Anna Kovács]\nabstract: Short.\n---\n\n## One\n\nText.\n";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("hiia-cli-");

    public void Dispose() => _work.Delete(recursive: true);

    private static async Task<(int Exit, string Out, string Err)> Hiia(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await CommandLine.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_work.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public static TheoryData<string[]> HelpRequests => new()
    {
        new[] { "--help" }, new[] { "-h" },
        new[] { "check", "--help" }, new[] { "check", "papers", "--format", "json", "--help" },
        new[] { "render", "-h" }, new[] { "render", "missing.md", "--help" },
        new[] { "publish", "--help" }, new[] { "publish", "x.md", "--site", "s", "--help" },
        new[] { "serve", "--help" }, new[] { "serve", "--port", "1", "--help" },
        new[] { "audit", "--help" }, new[] { "audit", "--bogus", "--help" },
    };

    [Theory]
    [MemberData(nameof(HelpRequests))]
    public async Task Help_WorksOnEveryCommand_AndAfterAnyArgument_OnStandardOutput(string[] args)
    {
        var (exit, output, error) = await Hiia(args);

        Assert.Equal(CommandLine.Ok, exit);
        Assert.Equal("", error);
        var command = args[0].StartsWith('-') ? "" : " " + args[0];
        Assert.Contains($"Usage:\n  hiia{command} ", output.Replace("\r", ""));
        Assert.Contains("-h, --help", output);
        if (command.Length > 0) Assert.Contains("Exit code", output);
    }

    [Fact]
    public async Task TheListOfCommands_HasEachWithOneLine()
    {
        var (_, output, _) = await Hiia("--help");

        foreach (var command in CommandLine.DefaultCommands())
            Assert.Contains(output.Split('\n'), line => line.TrimStart().StartsWith(command.Name, StringComparison.Ordinal) && line.Contains(command.Summary, StringComparison.Ordinal));
        Assert.Contains("--version", output);
    }

    [Fact]
    public async Task Version_PrintsTheVersionAndTheCommit()
    {
        var (exit, output, error) = await Hiia("--version");

        Assert.Equal(CommandLine.Ok, exit);
        Assert.Equal("", error);
        // The build runs in a git checkout, so the commit is known (the SDK's SourceRevisionId).
        Assert.Matches(@"^hiia \d+\.\d+\.\d+ \(commit [0-9a-f]{40}\)\n$", output.Replace("\r", ""));
    }

    [Fact]
    public async Task Nothing_IsWrongUsage_AndListsTheCommandsOnStandardError()
    {
        var (exit, output, error) = await Hiia();

        Assert.Equal(CommandLine.Usage, exit);
        Assert.Equal("", output);
        Assert.Contains("check", error);
        Assert.Contains("publish", error);
    }

    [Fact]
    public async Task AnUnknownCommand_IsWrongUsage_NamingTheCommands()
    {
        var (exit, output, error) = await Hiia("frobnicate");

        Assert.Equal(CommandLine.Usage, exit);
        Assert.Equal("", output);
        Assert.StartsWith("hiia: unknown command 'frobnicate'. The commands are: check, render, publish, serve, audit.", error);
    }

    [Theory]
    [InlineData("--format=json")]
    [InlineData("--format:json")]
    public async Task AnOptionsValue_MayFollowAnEqualsSign(string format)
    {
        var draft = Write("paper.md", ValidDraft);

        var (exit, output, error) = await Hiia("check", format, draft);

        Assert.Equal(CommandLine.Ok, exit);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
    }

    [Fact]
    public async Task RenderTakes_OutputEqualsPath()
    {
        var draft = Write("paper.md", ValidDraft);
        var target = Path.Combine(_work.FullName, "elsewhere", "named.pdf");

        var (exit, output, _) = await Hiia("render", draft, $"--output={target}");

        Assert.Equal(CommandLine.Ok, exit);
        Assert.StartsWith("%PDF-", File.ReadAllText(target)[..8]);
        Assert.Contains("named.pdf", output);
    }

    [Theory]
    [InlineData(new[] { "serve", "--port", "http" }, "hiia serve: ")]
    [InlineData(new[] { "serve", "--port=0" }, "--port must be a number from 1 to 65535, not '0'.")]
    [InlineData(new[] { "serve", "--frobnicate" }, "unknown option '--frobnicate'.")]
    [InlineData(new[] { "audit" }, "hiia audit: give the PDF file to audit.")]
    [InlineData(new[] { "check", "--format" }, "hiia check: --format needs a value")]
    public async Task UsageErrors_ExitTwo_WithTheProblemAndWhereToReadMore_OnStandardError(string[] args, string problem)
    {
        var (exit, output, error) = await Hiia(args);

        Assert.Equal(CommandLine.Usage, exit);
        Assert.Equal("", output);
        Assert.Contains(problem, error);
        Assert.EndsWith($"Run 'hiia {args[0]} --help' for how to use it.\n", error.Replace("\r", ""));
        Assert.DoesNotContain("   at ", error);
    }

    private PublishCommand FakePublisher(bool parseFails = false) => new(
        parse: _ => parseFails
            ? new ParseResult(null, [new Format.Diagnostics.Diagnostic("x.md", 1, 1, "HP0001", Format.Diagnostics.Severity.Error, "The draft has no front matter.")])
            : new ParseResult(TestPapers.Paper(), []),
        render: (_, _, _) => new RenderResult(TestPapers.FakePdf("cli"), 3, []),
        time: new ManualClock(TestPapers.Noon));

    [Fact]
    public async Task Publish_WhenNothingWasPublished_DoesNotSayWhereToOpenTheSite()
    {
        Write("drafts/a.md", "no front matter");
        Write("drafts/b.md", "no front matter");
        var site = Path.Combine(_work.FullName, "site");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await FakePublisher(parseFails: true).RunAsync([Path.Combine(_work.FullName, "drafts"), "--site", site], stdout, stderr);

        Assert.Equal(CommandLine.InputHasErrors, exit);
        Assert.Equal("", stdout.ToString());
        Assert.DoesNotContain("Open ", stderr.ToString());
        Assert.Contains("hiia publish: nothing was published; fix the problems above and run it again.", stderr.ToString());
        Assert.False(File.Exists(Path.Combine(site, "index.html")));
    }

    [Fact]
    public async Task Publish_AnUnreadableDraft_IsOneSentence_AndTheOthersArePublished()
    {
        var drafts = Directory.CreateDirectory(Path.Combine(_work.FullName, "drafts"));
        Write("drafts/a-good.md", ValidDraft);
        // A link to nothing is listed in its folder but cannot be read, even by root.
        File.CreateSymbolicLink(Path.Combine(drafts.FullName, "b-gone.md"), Path.Combine(_work.FullName, "nowhere.md"));
        var site = Path.Combine(_work.FullName, "site");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await FakePublisher().RunAsync([drafts.FullName, "--site", site], stdout, stderr);

        Assert.Equal(CommandLine.InputHasErrors, exit);
        var error = stderr.ToString().Replace("\r", "");
        Assert.Matches(@"^[^\n]*b-gone\.md: not published; could not read [^\n]*b-gone\.md: it does not exist[^\n]*\. Check the path\.\n$", error);
        Assert.Contains("a-good.md: published as ", stdout.ToString());
        Assert.Contains("Open ", stdout.ToString());
    }

    [Fact]
    public async Task Publish_ASiteFolderThatIsAFile_IsOneSentence()
    {
        Write("drafts/a.md", ValidDraft);
        var blocked = Write("blocked", "a file where the site folder should be");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await FakePublisher().RunAsync([Path.Combine(_work.FullName, "drafts"), "--site", blocked], stdout, stderr);

        Assert.Equal(CommandLine.InputHasErrors, exit);
        Assert.Equal("", stdout.ToString());
        Assert.StartsWith($"hiia publish: could not write the site folder {blocked}: ", stderr.ToString());
        Assert.DoesNotContain("   at ", stderr.ToString());
    }

    [Fact]
    public async Task Publish_ABrokenConnectionString_IsWrongUsage_InOneSentence()
    {
        Write("drafts/a.md", ValidDraft);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await FakePublisher().RunAsync([Path.Combine(_work.FullName, "drafts"), "--storage", "not a connection string"], stdout, stderr);

        Assert.Equal(CommandLine.Usage, exit);
        Assert.Equal("", stdout.ToString());
        Assert.StartsWith("hiia publish: --storage is not a storage connection string", stderr.ToString());
        Assert.DoesNotContain("   at ", stderr.ToString());
    }

    [Fact]
    public async Task Publish_ToStorageThatCannotBeReached_IsOneSentencePerDraft_NotAStackTrace()
    {
        Write("drafts/a.md", ValidDraft);
        // Nothing listens on port 1: every request is refused, as for a stopped Azurite or a wrong endpoint.
        const string unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;";
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await FakePublisher().RunAsync([Path.Combine(_work.FullName, "drafts"), "--storage", unreachable], stdout, stderr);

        Assert.Equal(CommandLine.InputHasErrors, exit);
        Assert.Equal("", stdout.ToString());
        Assert.Contains("a.md: not published; the site's storage did not accept it (", stderr.ToString());
        Assert.Contains("hiia publish: nothing was published", stderr.ToString());
        Assert.DoesNotContain("   at ", stderr.ToString());
    }
}
