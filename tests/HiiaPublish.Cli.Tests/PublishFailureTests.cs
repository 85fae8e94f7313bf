using HiiaPublish.Cli;
using HiiaPublish.Cli.Commands;
using HiiaPublish.Format;
using HiiaPublish.Rendering;

namespace HiiaPublish.Cli.Tests;

/// <summary>A fault in HiiaPublish while rendering one draft of a folder: said against that draft, and the rest are still published.</summary>
public sealed class PublishFailureTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("hiia-publish-fault-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task AFaultWhileRendering_IsReportedAgainstThatDraft_WithWhatToDo_AndTheOthersArePublished()
    {
        var drafts = Directory.CreateDirectory(Path.Combine(_work.FullName, "drafts"));
        string[] slugs = ["alpha", "bravo", "charlie"];
        foreach (var slug in slugs)
            await File.WriteAllTextAsync(Path.Combine(drafts.FullName, $"{slug}.md"), slug);
        var site = Path.Combine(_work.FullName, "site");
        var command = new PublishCommand(
            parse: source => new ParseResult(TestPapers.Paper(slug: System.Text.Encoding.UTF8.GetString(source.Content)), []),
            render: (paper, _, _) => paper.Metadata.Slug == "bravo"
                ? throw new InvalidOperationException("a font lost its glyph table")
                : new RenderResult(TestPapers.FakePdf(paper.Metadata.Slug), 3, []));
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await command.RunAsync([drafts.FullName, "--site", site], stdout, stderr);

        Assert.Equal(CommandLine.InputHasErrors, exit);
        var error = stderr.ToString();
        Assert.Contains("bravo.md: not rendered; HiiaPublish failed on it (InvalidOperationException in HiiaPublish.", error);
        Assert.Contains(": a font lost its glyph table). This is a fault in HiiaPublish, not in the draft", error);
        Assert.Contains("alpha.md: published as ", stdout.ToString());
        Assert.Contains("charlie.md: published as ", stdout.ToString());
        Assert.DoesNotContain("bravo.md: published", stdout.ToString());
        Assert.True(File.Exists(Path.Combine(site, "perspectives", "2026", "charlie", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(site, "perspectives", "2026", "bravo")));
    }
}
