using HiiaPublish.Format;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Site.Tests.Support;

/// <summary>
/// The three samples (English, its Hungarian twin, the Hungarian energy paper) parsed and published into a
/// folder, with a stand-in PDF each (the site reads only the PDF's bytes, size and page count). The branding is a
/// copy of templates/branding.yaml with an ISSN per language and a DOI prefix, and the English paper gets a number
/// and a DOI, so every identifier has somewhere to show. The base URL is the folder itself, so the 404 page's
/// absolute links work from disk in the browser tests.
/// </summary>
public sealed class SampleSite : IDisposable
{
    public const string EnglishIssn = "2939-6174";
    public const string HungarianIssn = "2939-6182";
    public const string DoiPrefix = "10.99999";
    public const string EnglishDoi = DoiPrefix + "/hiia.2026.3";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("hiia-sample-site-");
    private readonly DirectoryInfo _templates = Directory.CreateTempSubdirectory("hiia-sample-templates-");

    public SampleSite()
    {
        CopyFolder(SiteFixture.TemplatesDirectory, _templates.FullName);
        var branding = Path.Combine(_templates.FullName, "branding.yaml");
        var yaml = File.ReadAllText(branding)
            .Replace("  doi_prefix:\n", $"  doi_prefix: \"{DoiPrefix}\"\n", StringComparison.Ordinal)
            .Replace("    series: HIIA Perspective\n", "    series: HIIA Perspective\n    issn: " + EnglishIssn + "\n", StringComparison.Ordinal)
            .Replace("    series: MKI Nézőpont\n    issn:\n", "    series: MKI Nézőpont\n    issn: " + HungarianIssn + "\n", StringComparison.Ordinal)
            .Replace("    issn:\n", "", StringComparison.Ordinal);
        File.WriteAllText(branding, yaml);
        Folder = Path.Combine(_root.FullName, "site");
        Store = new LocalFolderSiteStore(Folder);
        Renderer = SiteRenderer.Load(_templates.FullName, new SiteOptions { BaseUrl = new Uri(Folder + "/").AbsoluteUri });
    }

    public string Folder { get; }
    public LocalFolderSiteStore Store { get; }
    public SiteRenderer Renderer { get; }
    public List<PublishResult> Results { get; } = [];

    public static readonly string[] Samples = ["middle-corridor", "kozepso-folyoso", "kozep-europai-energiabiztonsag"];

    public async Task PublishAllAsync()
    {
        var publisher = new SitePublisher(Renderer);
        var at = new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
        foreach (var name in Samples)
        {
            var file = Path.Combine(RepositoryPaths.Samples, name, name + ".md");
            var assets = new FolderDraftAssets(Path.GetDirectoryName(file)!);
            var source = File.ReadAllBytes(file);
            var parsed = new PerspectiveParser().Parse(new DraftSource(file, source, assets));
            Assert.True(parsed.Perspective is not null, string.Join("\n", parsed.Diagnostics));
            var perspective = parsed.Perspective!;
            if (name == "middle-corridor")
                perspective = perspective with { Metadata = perspective.Metadata with { Number = "2026/3", Doi = EnglishDoi } };
            var request = PublicationRequest.FromDraft(perspective, TestPapers.FakePdf(name), pageCount: 9,
                TestPapers.RevisionOf(name), at, assets, file);
            Results.Add(await publisher.PublishAsync(request, Store, CancellationToken.None));
            at = at.AddMinutes(5);
        }
        Search = await HiiaPublish.Site.Search.PagefindIndexer.IndexFolderAsync(Folder);
    }

    public HiiaPublish.Site.Search.SearchIndexResult? Search { get; private set; }

    /// <summary>
    /// One more publish into the folder, then the search index step `hiia publish --site` runs after it (a segment of
    /// the pages the publish wrote, or a fold past <paramref name="policy"/>'s bounds).
    /// </summary>
    public async Task<HiiaPublish.Site.Search.SearchUpdate> PublishAndIndexAsync(PublicationRequest request,
        HiiaPublish.Site.Search.SearchSegmentPolicy? policy = null)
    {
        var result = await new SitePublisher(Renderer).PublishAsync(request, Store, CancellationToken.None);
        Xunit.Assert.True(result.Published, string.Join("\n", result.Diagnostics));
        return await HiiaPublish.Site.Search.SegmentedSearchIndex.UpdateAsync(Folder, result.WrittenPaths, policy);
    }

    public string Read(string path) => File.ReadAllText(Path.Combine(Folder, path));

    public string Url(string path) => new Uri(Path.Combine(Folder, path)).AbsoluteUri;

    public void Dispose()
    {
        _root.Delete(recursive: true);
        _templates.Delete(recursive: true);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}

/// <summary>One published sample site for all tests of a class.</summary>
public sealed class SampleSiteFixture : IAsyncLifetime
{
    public SampleSite Site { get; } = new();

    public Task InitializeAsync() => Site.PublishAllAsync();

    public Task DisposeAsync()
    {
        Site.Dispose();
        return Task.CompletedTask;
    }
}
