using System.Globalization;
using BenchmarkDotNet.Attributes;
using HiiaPublish.Azure.Search;
using HiiaPublish.Azure.Storage;
using HiiaPublish.Format;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Rendering;
using HiiaPublish.Site;
using HiiaPublish.Site.Search;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Benchmarks;

/// <summary>
/// Publishing one paper into a site that already lists 5,000 (issue 4: ≤ 0.5 s into a folder, ≤ 2 s against
/// Azurite; issue 13, with topics, authors, citation files and oai.xml: &lt; 1 s and &lt; 2 s; rendering excluded).
/// The 5,000 entries are written straight into the catalogue, as the publisher would have left them, each with three
/// of 600 topics and one of 250 authors (a think tank's spread: a topic gathers a few dozen papers, an author twenty),
/// and 40 of them share a keyword with the paper published. Azurite: start it and set HIIA_BENCH_STORAGE to its
/// connection string (docs/performance.md). Into a folder the publish includes the search index step as `hiia publish
/// --site` runs it (a segment of the papers the publish wrote; issue 13's target counts "search index and all"), and
/// into Azurite as the Functions app's publish runs it (<see cref="SiteSearchIndexer.IndexPublishedAsync"/>: a segment
/// over `$web`, its manifests, the lock): the setup writes a paper page for each of the 5,000
/// (<see cref="SyntheticPapers"/>) and builds the base index over them once (most of a minute, a few more into
/// Azurite). Every publish here adds a segment and none folds (the bounds are lifted), so each iteration measures the
/// same step; the fold every twentieth publish costs is measured by `--search-speed`.
/// </summary>
public class PublishBenchmarks
{
    private const int ExistingPapers = 5000;

    [Params("folder", "azurite")]
    public string Store { get; set; } = "folder";

    private SitePublisher _publisher = null!;
    private ISiteStore _store = null!;
    private Perspective _paper = null!;
    private byte[] _pdf = null!;
    private int _pages;
    private int _next;
    private string? _folder;
    private SiteSearchIndexer? _indexer;
    private string? _indexerCache;
    private static readonly SearchSegmentPolicy NoFold = new() { FoldAfterSegments = int.MaxValue, FoldAfterPapers = int.MaxValue };

    /// <summary>What the last publish's search step said.</summary>
    internal string? LastSearch { get; private set; }

    // The setup's own publishes come before the base index; only the measured ones add a segment.
    private bool _searchBuilt;

    [GlobalSetup]
    public void Setup()
    {
        var file = BenchmarkInputs.EnglishSample;
        var draft = BenchmarkInputs.Draft(file);
        _paper = new PerspectiveParser().Parse(draft).Perspective ?? throw new InvalidOperationException("the sample does not parse");
        var rendered = new PerspectiveRenderer(BenchmarkInputs.Templates).Render(_paper, draft.Assets, draft.FilePath);
        _pdf = rendered.Pdf ?? throw new InvalidOperationException("the sample does not render");
        _pages = rendered.PageCount;
        _publisher = new SitePublisher(SiteRenderer.Load(BenchmarkInputs.Templates));
        _store = OpenStore();

        // One real publish gives a real entry to copy; the copies differ in slug, title and date.
        Publish("seed");
        var seed = CatalogueSerializer.Deserialize(_store.ReadAsync(SitePaths.Catalogue, default).GetAwaiter().GetResult()!.Content).Entries[0];
        var entries = Enumerable.Range(0, ExistingPapers).Select(i => seed with
        {
            Slug = $"existing-{i:0000}",
            Title = $"Existing paper {i:0000}",
            Date = new DateOnly(2015, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            LandingPath = $"perspectives/2015/existing-{i:0000}/index.html",
            PdfPath = $"perspectives/2015/existing-{i:0000}/existing-{i:0000}.pdf",
            Keywords = i < 40 ? ["connectivity", $"topic {i % 600}", $"topic {i * 7 % 600}"] : [$"topic {i % 600}", $"topic {i * 7 % 600}", $"topic {i * 13 % 600}"],
            Authors = [new CatalogueAuthor($"Author {i % 250}", "Research Fellow")],
        });
        var current = _store.ReadAsync(SitePaths.Catalogue, default).GetAwaiter().GetResult()!;
        var properties = current.Info.Properties ?? new SiteObjectProperties("application/json; charset=utf-8", "public, max-age=300");
        _store.WriteAsync(SitePaths.Catalogue, CatalogueSerializer.Serialize(new Catalogue(Catalogue.Sorted(entries))), properties,
            WriteCondition.Replacing(current.Info), default).GetAwaiter().GetResult();
        Publish("warm-up");  // builds every listing page of the 5,000 once, as the live site would have them
        _publisher.RebuildAsync(_store, default).GetAwaiter().GetResult();  // and every topic and author page
        var synthetic = new SyntheticPapers();
        if (_folder is not null)
        {
            var i = 0;
            foreach (var entry in entries) synthetic.Write(_folder, entry.LandingPath, i++);
            var fold = SegmentedSearchIndex.FoldAsync(_folder).GetAwaiter().GetResult();
            if (!fold.Succeeded) throw new InvalidOperationException(fold.Message);
            Console.WriteLine($"// base search index: {fold.Message}");
        }
        else
        {
            var pages = Directory.CreateTempSubdirectory("hiia-bench-pages-").FullName;
            try
            {
                var i = 0;
                foreach (var entry in entries) synthetic.Write(pages, entry.LandingPath, i++);
                Parallel.ForEach(entries, new ParallelOptions { MaxDegreeOfParallelism = 16 }, entry =>
                    _store.WriteAsync(entry.LandingPath, File.ReadAllBytes(Path.Combine(pages, entry.LandingPath)),
                        SiteObjectPolicy.Listing(entry.LandingPath), WriteCondition.None, default).GetAwaiter().GetResult());
            }
            finally { Directory.Delete(pages, recursive: true); }
            var connection = Environment.GetEnvironmentVariable("HIIA_BENCH_STORAGE")!;
            var searchContainer = new global::Azure.Storage.Blobs.BlobServiceClient(connection).GetBlobContainerClient($"search-bench-{Guid.NewGuid():N}");
            _indexerCache = Directory.CreateTempSubdirectory("hiia-bench-search-cache-").FullName;
            _indexer = new SiteSearchIndexer(_store, new BlobSiteStore(searchContainer), _indexerCache,
                Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, policy: NoFold);
            var base_ = _indexer.RunAsync(default).GetAwaiter().GetResult();
            if (base_.Outcome != SearchIndexOutcome.Built) throw new InvalidOperationException(base_.Message);
            Console.WriteLine($"// base search index: {base_.Message}");
        }
        _searchBuilt = true;
    }

    [Benchmark]
    public int PublishOnePaper() => Publish($"bench-{_next++}");

    /// <summary>The store the benchmark publishes into, for <see cref="PublishProfile"/> to wrap.</summary>
    internal ISiteStore StoreForProfile { get => _store; set => _store = value; }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_folder is not null) Directory.Delete(_folder, recursive: true);
        if (_indexerCache is not null) Directory.Delete(_indexerCache, recursive: true);
    }

    private int Publish(string slug)
    {
        var paper = _paper with { Metadata = _paper.Metadata with { Slug = slug, Title = "Benchmark paper " + slug } };
        var request = new PublicationRequest(paper, _pdf, _pages, Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(slug.PadRight(32, '0')))[..64],
            new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var result = _publisher.PublishAsync(request, _store, CancellationToken.None).GetAwaiter().GetResult();
        if (!result.Published) throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
        if (_folder is not null && _searchBuilt)
        {
            var search = SegmentedSearchIndex.UpdateAsync(_folder, result.WrittenPaths, NoFold).GetAwaiter().GetResult();
            if (search.Kind != SearchUpdateKind.Segment) throw new InvalidOperationException(search.Message);
            LastSearch = search.Message;
        }
        else if (_indexer is not null && _searchBuilt)
        {
            var search = _indexer.IndexPublishedAsync(result.WrittenPaths, CancellationToken.None).GetAwaiter().GetResult();
            if (search.Outcome != SearchIndexOutcome.Segment) throw new InvalidOperationException(search.Message);
            LastSearch = search.Message;
        }
        return result.WrittenPaths.Count;
    }

    private ISiteStore OpenStore()
    {
        if (Store == "azurite")
        {
            var connection = Environment.GetEnvironmentVariable("HIIA_BENCH_STORAGE")
                ?? throw new InvalidOperationException("Set HIIA_BENCH_STORAGE to Azurite's connection string (see docs/performance.md).");
            return BlobSiteStore.FromConnectionString(connection);
        }
        _folder = Directory.CreateTempSubdirectory("hiia-bench-site-").FullName;
        return new LocalFolderSiteStore(_folder);
    }
}
