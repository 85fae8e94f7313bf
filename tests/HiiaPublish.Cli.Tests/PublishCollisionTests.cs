using HiiaPublish.Cli;
using HiiaPublish.Cli.Commands;
using HiiaPublish.Rendering;
using HiiaPublish.Site;

namespace HiiaPublish.Cli.Tests;

/// <summary>
/// Issue 15, "no silent replacement", in one `hiia publish FOLDER` run: of three different papers whose titles slug
/// alike, the first is published and the other two are refused naming both papers (exit 1), and a draft that says
/// `corrects:` then retitles the published paper with a new author.
/// </summary>
public sealed class PublishCollisionTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("hiia-publish-collision-");

    public void Dispose() => _work.Delete(recursive: true);

    private static string Draft(string title, string author, string extra = "") => $"""
        ---
        title: {title}
        date: 2026-04-21
        authors:
          - {author}
        abstract: A short abstract.
        {extra}
        ---

        ## Introduction

        The text of {title}.
        """;

    [Fact]
    public async Task PapersThatSlugAlike_InOneRun_AreRefusedNamingBoth_AndACorrectionThatSaysSoRetitlesThePaper()
    {
        var drafts = Directory.CreateDirectory(Path.Combine(_work.FullName, "drafts"));
        await File.WriteAllTextAsync(Path.Combine(drafts.FullName, "a.md"), Draft("Foo Bar", "Anna Kovács"));
        await File.WriteAllTextAsync(Path.Combine(drafts.FullName, "b.md"), Draft("Foo-Bar!", "Béla Nagy"));
        await File.WriteAllTextAsync(Path.Combine(drafts.FullName, "c.md"), Draft("Főő Bár", "Cecília Tóth"));
        await File.WriteAllTextAsync(Path.Combine(drafts.FullName, "d.md"), Draft("Quite Another Title", "Dóra Szabó", "slug: foo-bar\ncorrects: foo-bar"));
        var site = Path.Combine(_work.FullName, "site");
        var command = new PublishCommand(render: (_, _, _) => new RenderResult(TestPapers.FakePdf("cli"), 3, []), time: new ManualClock(TestPapers.Noon));
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await command.RunAsync([drafts.FullName, "--site", site], stdout, stderr);

        Assert.Equal(CommandLine.InputHasErrors, exit);
        var refusals = stderr.ToString().Split('\n').Where(line => line.Contains("HP0720")).ToArray();
        Assert.Equal(2, refusals.Length);
        Assert.Contains("b.md", refusals[0]);
        Assert.Contains("\"Foo Bar\" by Anna Kovács; this draft, \"Foo-Bar!\" by Béla Nagy", refusals[0]);
        Assert.Contains("c.md", refusals[1]);
        Assert.Contains("\"Foo Bar\" by Anna Kovács; this draft, \"Főő Bár\" by Cecília Tóth", refusals[1]);
        var entry = CatalogueSerializer.Deserialize(await File.ReadAllBytesAsync(Path.Combine(site, SitePaths.Catalogue))).Entries.Single();
        Assert.Equal(("foo-bar", "Quite Another Title", "Dóra Szabó"), (entry.Slug, entry.Title, entry.Authors.Single().Name));
        Assert.Single(entry.PreviousVersions); // Foo Bar by Anna Kovács, kept as the previous version
    }
}
