using HiiaPublish.Cli;
using HiiaPublish.Cli.Commands;
using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Format;
using HiiaPublish.Rendering;

namespace HiiaPublish.Cli.Tests;

public sealed class PublishCommandTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("hiia-publish-cmd-");

    public void Dispose() => _work.Delete(recursive: true);

    [Theory]
    [InlineData(new[] { "draft.md" }, "say where to publish")]
    [InlineData(new[] { "draft.md", "--site", "a", "--storage", "b" }, "exactly one of")]
    [InlineData(new[] { "--site", "a" }, "which draft")]
    [InlineData(new[] { "draft.md", "--site" }, "--site needs a value")]
    [InlineData(new[] { "draft.md", "--account-url", "http://insecure.example" }, "https address")]
    [InlineData(new[] { "draft.md", "--bogus", "x" }, "unknown option '--bogus'")]
    [InlineData(new[] { "a.md", "b.md", "--site", "s" }, "give one FILE or FOLDER, not also 'b.md'")]
    public async Task BadArguments_AreExplained_OnStandardError_WithExitTwo(string[] args, string expected)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await new PublishCommand(render: (_, _, _) => throw new InvalidOperationException("must not render")).RunAsync(args, stdout, stderr);

        Assert.Equal(CommandLine.Usage, exit);
        Assert.Equal("", stdout.ToString());
        Assert.Contains($"hiia publish: ", stderr.ToString());
        Assert.Contains(expected, stderr.ToString());
    }

    [Fact]
    public void AccountUrl_IsParsed()
    {
        var options = PublishCommandOptions.Validate(["drafts"], null, null, "https://acct.blob.core.windows.net", out _)!;
        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), options.AccountUrl);
    }

    [Fact]
    public async Task PublishIntoAFolder_WritesTheSite_AndSaysWhereToOpenIt()
    {
        var drafts = Directory.CreateDirectory(Path.Combine(_work.FullName, "drafts"));
        await File.WriteAllTextAsync(Path.Combine(drafts.FullName, "open-war.md"), "---\ntitle: x\n---\nbody");
        var site = Path.Combine(_work.FullName, "site");
        var command = new PublishCommand(
            parse: source => new ParseResult(TestPapers.Paper(), []),
            render: (_, _, _) => new RenderResult(TestPapers.FakePdf("cli"), 3, []),
            time: new ManualClock(TestPapers.Noon));
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await command.RunAsync([drafts.FullName, "--site", site], stdout, stderr);

        Assert.Equal(CommandLine.Ok, exit);
        Assert.Equal("", stderr.ToString());
        Assert.True(File.Exists(Path.Combine(site, "perspectives", "2026", "open-war", "index.html")));
        Assert.Contains($"Open {new Uri(Path.Combine(site, "index.html")).AbsoluteUri} in a browser.", stdout.ToString());
    }

    [Fact]
    public async Task ParseErrors_StopThePublish_AndArePrintedLikeCheck()
    {
        var draft = Path.Combine(_work.FullName, "bad.md");
        await File.WriteAllTextAsync(draft, "no front matter");
        var site = Path.Combine(_work.FullName, "site");
        var error = new Diagnostic(draft, 1, 1, "HP0001", Severity.Error, "The draft has no front matter: start it with a line of three dashes.");
        var command = new PublishCommand(parse: _ => new ParseResult(null, [error]), render: (_, _, _) => throw new InvalidOperationException("must not render"));
        var stderr = new StringWriter();

        var exit = await command.RunAsync([draft, "--site", site], new StringWriter(), stderr);

        Assert.Equal(CommandLine.InputHasErrors, exit);
        Assert.Contains($"{draft}(1,1): error HP0001: The draft has no front matter", stderr.ToString());
        Assert.DoesNotContain("must not render", stderr.ToString()); // a render fault is reported now, not thrown
        Assert.False(File.Exists(Path.Combine(site, "index.html")));
    }

    [Fact]
    public async Task AFolder_IsRenderedAhead_ButPublishedAndReportedInTheDraftsOrder()
    {
        // The first draft renders slowest, so later renders finish first; the site and the report must not care.
        var drafts = Directory.CreateDirectory(Path.Combine(_work.FullName, "drafts"));
        string[] slugs = ["alpha", "bravo", "charlie", "delta"];
        foreach (var slug in slugs)
            await File.WriteAllTextAsync(Path.Combine(drafts.FullName, $"{slug}.md"), slug);
        var site = Path.Combine(_work.FullName, "site");
        var command = new PublishCommand(
            parse: source =>
            {
                var slug = System.Text.Encoding.UTF8.GetString(source.Content);
                return new ParseResult(TestPapers.Paper(slug: slug, title: $"Paper {slug}"), []);
            },
            render: (paper, _, _) =>
            {
                Thread.Sleep(paper.Metadata.Slug == "alpha" ? 300 : 10);
                return new RenderResult(TestPapers.FakePdf(paper.Metadata.Slug), 3, []);
            },
            time: new ManualClock(TestPapers.Noon));
        var stdout = new StringWriter();

        var exit = await command.RunAsync([drafts.FullName, "--site", site], stdout, new StringWriter());

        Assert.Equal(CommandLine.Ok, exit);
        var reported = stdout.ToString().Split('\n').Where(l => l.Contains(": published as ", StringComparison.Ordinal)).ToList();
        Assert.Equal(slugs.Select(slug => $"{slug}.md"), reported.Select(l => Path.GetFileName(l[..l.IndexOf(':', StringComparison.Ordinal)])));
        Assert.All(slugs, slug => Assert.True(File.Exists(Path.Combine(site, "perspectives", "2026", slug, "index.html")), slug));
    }
}
