using HiiaPublish.Format.Common;
using HiiaPublish.Format;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Site.Tests;

/// <summary>
/// Publishes two papers into a folder and takes headless Chromium screenshots into tests/output/site/ for a
/// person to look at. The assertion is only that real images came out; the looking is done by eye.
/// </summary>
public class ScreenshotTests
{
    // A blank 1280×1600 PNG compresses to a few kilobytes; a rendered page with text is many times larger.
    private const long MinimumInterestingPngBytes = 20_000;

    [Fact]
    public async Task PublishedPages_RenderInHeadlessChromium()
    {
        var chromium = Chromium.Find() ?? throw new InvalidOperationException("chromium is not installed. Run scripts/install-deps.sh, then run the tests again.");
        var output = new DirectoryInfo(RepositoryPaths.Output("site"));
        var siteFolder = Directory.CreateTempSubdirectory("hiia-shot-site-");
        var profile = Directory.CreateTempSubdirectory("hiia-shot-profile-");
        try
        {
            var store = new LocalFolderSiteStore(siteFolder.FullName);
            var publisher = SiteFixture.Publisher();
            await publisher.PublishAsync(TestPapers.Request(TestPapers.Paper(cover: new("cover.png", "A mountain pass at dawn", "Shutterstock")),
                cover: TestPapers.TinyPng()), store, CancellationToken.None);
            await publisher.PublishAsync(TestPapers.Request(HungarianPaper(), at: TestPapers.Noon.AddDays(2)), store, CancellationToken.None);

            var pages = new Dictionary<string, string>
            {
                ["index"] = "index.html",
                ["hu-index"] = "hu/index.html",
                ["landing-en"] = "perspectives/2026/open-war/index.html",
                ["landing-hu"] = "perspectives/2026/kozep-europa/index.html",
            };
            foreach (var (name, path) in pages)
            {
                var png = Path.Combine(output.FullName, name + ".png");
                File.Delete(png);
                await Chromium.ScreenshotAsync(chromium, profile.FullName, png, "1280,1600", new Uri(store.FullPathOf(path)).AbsoluteUri);
                Assert.True(File.Exists(png), $"chromium wrote no screenshot of {path}");
                Assert.True(new FileInfo(png).Length > MinimumInterestingPngBytes, $"the screenshot of {path} looks blank");
            }
        }
        finally
        {
            siteFolder.Delete(recursive: true);
            profile.Delete(recursive: true);
        }
    }

    private static Perspective HungarianPaper() => TestPapers.Paper(slug: "kozep-europa", title: "Közép-Európa és a változó világrend",
        date: new DateOnly(2026, 4, 23), language: PaperLanguage.Hungarian, subtitle: "Mozgástér egy új korszakban",
        authors: [new Author("Kiss Éva", "vezető kutató, MKI"), new Author("Nagy Ödön", null)],
        abstractText: "Az elemzés azt vizsgálja, hogyan alakul a térség mozgástere a nagyhatalmi verseny idején.",
        keywords: ["Közép-Európa", "világrend"],
        body: [
            new Heading(5, 2, EquatableList.Of<Inline>(new Text("Bevezetés"))),
            new Paragraph(6, EquatableList.Of<Inline>(new Text("Árvíztűrő tükörfúrógép: a térség országai új helyzetben vannak."), new FootnoteReference(1))),
            new Heading(8, 2, EquatableList.Of<Inline>(new Text("Következtetések"))),
            new Paragraph(9, EquatableList.Of<Inline>(new Text("Őszintén szólva az út hosszú."))),
        ],
        footnotes: [new Footnote(1, "a", EquatableList.Of<Block>(new Paragraph(12, EquatableList.Of<Inline>(new Text("Lásd: "),
            new Link("https://hiia.hu/", EquatableList<Inline>.Empty, true)))), 12)]);
}
