using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HiiaPublish.Format;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Site.Tests;

/// <summary>
/// Since April 2023 the institute's Hungarian name is "Magyar Külügyi Intézet" (MKI), its series "MKI Nézőpont";
/// the old name ("Külügyi és Külgazdasági Intézet", KKI) must appear on no site page and in no desk file.
/// </summary>
public class HungarianBrandingTests
{
    private static readonly string[] OldNames = ["KKI", "Külgazdasági"];

    private static readonly string[] TextEndings = [".html", ".xml", ".json", ".bib", ".ris", ".css", ".js", ".txt"];

    [Fact]
    public async Task NoSitePage_NamesTheOldInstitute_AndTheHungarianPagesNameTheNewOne()
    {
        var paper = TestPapers.Paper(slug: "magyar-elemzes", title: "Árvíztűrő tükörfúrógép", language: PaperLanguage.Hungarian,
            subtitle: null, authors: [new("Kiss Éva", "kutató")]);
        paper = paper with { Metadata = paper.Metadata with { Series = null } };
        var store = new InMemorySiteStore();
        var result = await SiteFixture.Publisher().PublishAsync(TestPapers.Request(paper), store, CancellationToken.None);
        Assert.True(result.Published, string.Join("\n", result.Diagnostics));

        var texts = store.Snapshot().Where(o => TextEndings.Any(e => o.Key.EndsWith(e, StringComparison.Ordinal)))
            .ToDictionary(o => o.Key, o => AsRead(Encoding.UTF8.GetString(o.Value.Content)));
        Assert.Contains("hu/index.html", texts.Keys);
        foreach (var (path, text) in texts)
            AssertNoOldName(text, path);

        foreach (var path in new[] { "hu/index.html", "perspectives/2026/magyar-elemzes/index.html" })
        {
            Assert.Contains("Magyar Külügyi Intézet", texts[path]);
            Assert.Contains("MKI Nézőpont", texts[path]);
        }
    }

    [Fact]
    public void NoDeskFile_NamesTheOldInstitute_AndTheHungarianDeskNamesTheNewSeries()
    {
        var desk = Path.Combine(RepositoryPaths.Templates, "review");
        var files = Directory.GetFiles(desk, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
            AssertNoOldName(File.ReadAllText(file), Path.GetRelativePath(desk, file));
        Assert.Contains("MKI Nézőpont", File.ReadAllText(Path.Combine(desk, "labels.js")));
    }

    /// <summary>The text as a reader gets it: pages escape "ü" as "&amp;#252;", JSON may write "\u00FC".</summary>
    private static string AsRead(string stored) =>
        WebUtility.HtmlDecode(Regex.Replace(stored, @"\\u([0-9A-Fa-f]{4})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString()));

    private static void AssertNoOldName(string text, string where)
    {
        foreach (var old in OldNames)
            Assert.False(text.Contains(old, StringComparison.Ordinal), $"{where} still names the institute's old name: “{old}”");
    }
}
