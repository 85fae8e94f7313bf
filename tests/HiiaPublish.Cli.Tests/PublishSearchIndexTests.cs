using HiiaPublish.Cli.Commands;
using HiiaPublish.Format;
using HiiaPublish.Rendering;

namespace HiiaPublish.Cli.Tests;

/// <summary>
/// `hiia publish --site` indexes the folder whole on its first publish and afterwards only the papers a publish wrote,
/// and its report says which it did and how long it took (SegmentedSearchTests in Site.Tests: what readers then find).
/// </summary>
public sealed class PublishSearchIndexTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("hiia-publish-search-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task TheFirstPublishIndexesTheFolder_TheNextAddsASegmentOfItsPaper_AndTheReportSaysSo()
    {
        var site = Path.Combine(_work.FullName, "site");

        var first = await PublishAsync("open-war", site);
        Assert.Contains("search index built over the whole site in", first);
        Assert.Contains("(the site had no search index yet)", first);
        Assert.True(File.Exists(Path.Combine(site, "pagefind", "pagefind-entry.json")));
        var baseEntry = await File.ReadAllTextAsync(Path.Combine(site, "pagefind", "pagefind-entry.json"));

        var second = await PublishAsync("sanctuary", site);
        Assert.Matches(@"search index updated in \d+ ms: segment 1 of 1 paper page \(Pagefind \d+ ms\), 1 of at most 20 segments before the next full index\.", second);
        Assert.Equal(baseEntry, await File.ReadAllTextAsync(Path.Combine(site, "pagefind", "pagefind-entry.json")));
        Assert.Contains("\"/perspectives/2026/sanctuary/\"", await File.ReadAllTextAsync(Path.Combine(site, "pagefind-segments.json")));
        Assert.True(File.Exists(Path.Combine(site, "pagefind-segments", "1", "pagefind-entry.json")));
    }

    private async Task<string> PublishAsync(string slug, string site)
    {
        var draft = Path.Combine(_work.FullName, slug + ".md");
        await File.WriteAllTextAsync(draft, "---\ntitle: x\n---\nbody");
        var command = new PublishCommand(
            parse: _ => new ParseResult(TestPapers.Paper(slug: slug, title: "Paper " + slug), []),
            render: (_, _, _) => new RenderResult(TestPapers.FakePdf(slug), 3, []),
            time: new ManualClock(TestPapers.Noon));
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await command.RunAsync([draft, "--site", site], stdout, stderr);
        Assert.True(exit == CommandLine.Ok, stderr.ToString());
        return stdout.ToString();
    }
}
