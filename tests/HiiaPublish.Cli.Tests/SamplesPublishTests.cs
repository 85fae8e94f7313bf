using System.Globalization;
using HiiaPublish.Cli;
using HiiaPublish.Cli.Commands;
using HiiaPublish.Site;
using UglyToad.PdfPig;

namespace HiiaPublish.Cli.Tests;

/// <summary>
/// The README's main job, for real: the samples checked, rendered and published into a folder. What the PDF
/// says about itself must agree with what the site says about the paper.
/// </summary>
public sealed class SamplesPublishTests : IDisposable
{
    private readonly DirectoryInfo _site = Directory.CreateTempSubdirectory("hiia-samples-site-");

    public void Dispose() => _site.Delete(recursive: true);

    [Fact]
    public async Task Samples_PublishIntoAFolder_AndThePdfAgreesWithTheSite()
    {
        var samples = RepositoryPaths.Samples;
        var command = new PublishCommand(time: new ManualClock(new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero)));
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await command.RunAsync([samples, "--site", _site.FullName], stdout, stderr);

        Assert.True(exit == CommandLine.Ok, stdout + Environment.NewLine + stderr);
        var catalogue = CatalogueSerializer.Deserialize(await File.ReadAllBytesAsync(Path.Combine(_site.FullName, SitePaths.Catalogue)));
        // The English and Hungarian samples and the English one's Hungarian twin.
        Assert.Equal(3, catalogue.Entries.Count);
        foreach (var entry in catalogue.Entries)
        {
            using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(Path.Combine(_site.FullName, entry.PdfPath)));
            Assert.Equal(entry.Title, pdf.Information.Title);
            Assert.Equal(string.Join(", ", entry.Authors.Select(a => a.Name)), pdf.Information.Author);
            Assert.Contains(entry.Date.Replace("-", "", StringComparison.Ordinal), pdf.Information.CreationDate);
            Assert.Equal(entry.Pages, pdf.NumberOfPages);

            var landing = await File.ReadAllTextAsync(Path.Combine(_site.FullName, entry.LandingPath));
            Assert.Contains(entry.Pages.ToString(CultureInfo.InvariantCulture), landing);
            Assert.Contains(Path.GetFileName(entry.PdfPath), landing);
        }
    }

    [Fact]
    public async Task SampleSite_IsScreenshotted_ForAPersonToLookAt()
    {
        var chromium = Chromium.Find() ?? throw new InvalidOperationException("chromium is not installed. Run scripts/install-deps.sh.");
        var samples = RepositoryPaths.Samples;
        var command = new PublishCommand(time: new ManualClock(new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero)));
        Assert.Equal(CommandLine.Ok, await command.RunAsync([samples, "--site", _site.FullName], new StringWriter(), new StringWriter()));

        var output = new DirectoryInfo(RepositoryPaths.Output("site-samples"));
        var profile = Directory.CreateTempSubdirectory("hiia-shot-profile-");
        try
        {
            var catalogue = CatalogueSerializer.Deserialize(await File.ReadAllBytesAsync(Path.Combine(_site.FullName, SitePaths.Catalogue)));
            var pages = catalogue.Entries.Select(e => (Name: e.Slug, Path: e.LandingPath)).Append(("index", "index.html")).Append(("hu-index", "hu/index.html"));
            foreach (var (name, path) in pages)
            {
                var png = Path.Combine(output.FullName, name + ".png");
                File.Delete(png);
                await Chromium.ScreenshotAsync(chromium, profile.FullName, png, "1280,2400", new Uri(Path.Combine(_site.FullName, path)).AbsoluteUri);
                Assert.True(File.Exists(png) && new FileInfo(png).Length > 20_000, $"no real screenshot of {path}");
            }
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
