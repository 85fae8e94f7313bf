using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Site.Search;
using HiiaPublish.Site.Storage;
using Microsoft.Extensions.Logging;

namespace HiiaPublish.Azure.Search;

/// <summary>What one run of the search index step did.</summary>
public enum SearchIndexOutcome
{
    /// <summary>No paper page changed since the last build: one listing, nothing written.</summary>
    Unchanged,
    /// <summary>A new index is live in pagefind/.</summary>
    Built,
    /// <summary>Nothing changed; the index files the build before last still needed are deleted.</summary>
    CleanedUp,
    /// <summary>Pagefind did not build an index; readers keep the previous one, the next run tries again.</summary>
    Failed,
}

public sealed record SearchIndexRun(SearchIndexOutcome Outcome, int Pages, int PagesDownloaded, int FilesUploaded, int FilesDeleted,
    long Milliseconds, string Message);

/// <summary>
/// Builds the Pagefind index of the site in a store (the `$web` container) from the paper pages there, for the
/// Functions app, whose publish writes pages but runs no Pagefind (`hiia publish --site` indexes its folder itself).
/// Idempotent and coalescing: any number of publishes between two runs make one build, and a run when no paper page's
/// ETag changed since the last build is one listing. A build downloads only pages whose ETag is new to this
/// instance's page cache (a temp folder; a fresh instance downloads every page once), runs Pagefind over them at
/// their site paths, uploads only files that are not already there with the same bytes (Pagefind names its index,
/// fragment and meta files by content), and pagefind-entry.json last, so a reader never gets an entry that names a
/// file not yet uploaded. Files the previous build used stay one run longer for readers mid-search, then go.
/// A failure before the entry is written changes nothing readers see; the manifest, written last, is only updated by
/// a build that succeeded, so the next run retries.
/// </summary>
public sealed partial class SiteSearchIndexer
{
    /// <summary>The private container holding the manifest: which page ETags and index files the live index is made of.</summary>
    public const string ContainerName = "search";
    public const string ManifestPath = "manifest.json";
    public const string IndexPrefix = PagefindIndexer.OutputFolder + "/";
    public const string EntryPath = IndexPrefix + "pagefind-entry.json";

    // The entry names the current meta file: a minute bounds how long a browser may ask for files of an older build,
    // well inside the one-run grace (five minutes) before they are deleted.
    private const string EntryCacheControl = "public, max-age=60";
    private const int ParallelDownloads = 16;
    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = false };

    private readonly ISiteStore _site;
    private readonly ISiteStore _private;
    private readonly Func<string?> _locatePagefind;
    private readonly string _cacheFolder;
    private readonly ILogger _logger;

    /// <param name="site">The public site (`$web`).</param>
    /// <param name="privateStore">Where the manifest lives (the private `search` container).</param>
    /// <param name="cacheFolder">This instance's page cache; kept between runs so a correction downloads one page.</param>
    /// <param name="locatePagefind">Finds the binary (default <see cref="PagefindIndexer.Locate"/>); null from it fails the build.</param>
    public SiteSearchIndexer(ISiteStore site, ISiteStore privateStore, string cacheFolder, ILogger logger, Func<string?>? locatePagefind = null)
    {
        _site = site;
        _private = privateStore;
        _cacheFolder = cacheFolder;
        _logger = logger;
        _locatePagefind = locatePagefind ?? PagefindIndexer.Locate;
    }

    /// <summary>
    /// The page cache of one site on this machine, under the temp folder: one folder per site (named by a hash of
    /// <paramref name="siteIdentity"/>, e.g. the account's blob URI), so two hosts on one machine never clear each other's pages.
    /// </summary>
    public static string DefaultCacheFolder(string siteIdentity) =>
        Path.Combine(Path.GetTempPath(), "hiia-search-pages-" + ContentHash.Sha256Hex(Encoding.UTF8.GetBytes(siteIdentity))[..16]);

    /// <summary>perspectives/{year}/{slug}/index.html: the pages that carry data-pagefind-body (templates/site/landing.html).</summary>
    public static bool IsPaperPage(string path) => PaperPage().IsMatch(path);

    [GeneratedRegex(@"^perspectives/[0-9]{4}/[a-z0-9-]+/index\.html$")]
    private static partial Regex PaperPage();

    /// <summary>The span name of a run, on the workflow's ActivitySource, so the app's OpenTelemetry exports it with the rest.</summary>
    public const string ActivityName = "search-index";
    private static readonly ActivitySource Source = new(HiiaPublish.Workflow.WorkflowTelemetry.SourceName);

    public async Task<SearchIndexRun> RunAsync(CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity(ActivityName);
        try
        {
            var run = await RunUntracedAsync(cancellationToken);
            activity?.SetTag(HiiaPublish.Workflow.WorkflowTelemetry.OutcomeTag, run.Outcome.ToString().ToLowerInvariant());
            activity?.SetTag("hiia.search.pages", run.Pages);
            activity?.SetTag("hiia.search.uploaded", run.FilesUploaded);
            if (run.Outcome == SearchIndexOutcome.Failed) activity?.SetStatus(ActivityStatusCode.Error, run.Message);
            return run;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Storage down, most likely: nothing readers see has changed, and the next run starts again from the manifest.
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            _logger.LogError(exception, "Building the search index failed; the site keeps its previous index and the next run tries again");
            throw;
        }
    }

    private async Task<SearchIndexRun> RunUntracedAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entry in _site.ListEntriesAsync("perspectives/", cancellationToken))
            if (IsPaperPage(entry.Path)) pages[entry.Path] = entry.ETag;

        // Pagefind refuses a folder without pages; a site before its first paper has nothing to search (not an error).
        if (pages.Count == 0)
            return new SearchIndexRun(SearchIndexOutcome.Unchanged, 0, 0, 0, 0, clock.ElapsedMilliseconds, "search index not built: the site has no paper pages yet");

        var stored = await _private.ReadAsync(ManifestPath, cancellationToken);
        var previous = stored is null ? null : ReadManifest(stored.Content);
        if (previous is not null && SameOrdinal(previous.Pages, pages))
        {
            if (previous.Retiring.Count == 0)
                return new SearchIndexRun(SearchIndexOutcome.Unchanged, pages.Count, 0, 0, 0, clock.ElapsedMilliseconds,
                    $"search index unchanged: {pages.Count} paper pages as at the last build");
            var deleted = 0;
            foreach (var path in previous.Retiring)
                if (await _site.DeleteAsync(path, cancellationToken)) deleted++;
            await WriteManifestAsync(previous with { Retiring = [] }, stored, cancellationToken);
            return new SearchIndexRun(SearchIndexOutcome.CleanedUp, pages.Count, 0, 0, deleted, clock.ElapsedMilliseconds,
                $"search index unchanged; deleted {deleted} files of the build before last");
        }
        return await BuildAsync(pages, previous, stored, clock, cancellationToken);
    }

    private async Task<SearchIndexRun> BuildAsync(SortedDictionary<string, string> pages, Manifest? previous, SiteObject? stored,
        Stopwatch clock, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_cacheFolder);
        var cached = pages.ToDictionary(p => p.Key, p => Path.Combine(_cacheFolder, CacheName(p.Key, p.Value)), StringComparer.Ordinal);
        var missing = cached.Where(p => !File.Exists(p.Value)).ToList();
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = ParallelDownloads, CancellationToken = cancellationToken },
            async (page, token) =>
            {
                // Deleted between the listing and now (a withdrawn paper): it is simply not indexed this time.
                if (await _site.ReadAsync(page.Key, token) is not { } found) return;
                var temp = page.Value + "." + Guid.NewGuid().ToString("N") + ".tmp";
                await File.WriteAllBytesAsync(temp, found.Content, token);
                File.Move(temp, page.Value, overwrite: true);
            });

        var work = Path.Combine(Path.GetTempPath(), "hiia-search-build-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var (path, file) in cached)
            {
                if (!File.Exists(file)) continue;
                var target = Path.Combine(work, path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            Directory.CreateDirectory(work);
            var index = await PagefindIndexer.IndexFolderAsync(work, _locatePagefind(), cancellationToken);
            if (!index.Built)
            {
                _logger.LogError("The search index was not built over {Pages} paper pages; the site keeps its previous index and the next run tries again: {Reason}",
                    pages.Count, index.Message);
                return new SearchIndexRun(SearchIndexOutcome.Failed, pages.Count, missing.Count, 0, 0, clock.ElapsedMilliseconds, index.Message);
            }

            var output = Path.Combine(work, PagefindIndexer.OutputFolder);
            var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
                .Select(full => (Path: IndexPrefix + Path.GetRelativePath(output, full).Replace(Path.DirectorySeparatorChar, '/'), Full: full))
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .ToList();
            var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in files) hashes[file.Path] = ContentHash.Sha256Hex(await File.ReadAllBytesAsync(file.Full, cancellationToken));

            var live = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var path in _site.ListAsync(IndexPrefix, cancellationToken)) live.Add(path);

            var uploaded = 0;
            // Every file the entry may name first, the entry itself last.
            foreach (var file in files.Where(f => f.Path != EntryPath).Append(files.Single(f => f.Path == EntryPath)))
            {
                var unchanged = live.Contains(file.Path) && previous?.Files.GetValueOrDefault(file.Path) == hashes[file.Path];
                if (unchanged) continue;
                await _site.WriteAsync(file.Path, await File.ReadAllBytesAsync(file.Full, cancellationToken), PropertiesOf(file.Path),
                    WriteCondition.None, cancellationToken);
                uploaded++;
            }

            // Left from a build that failed half-way, or from the build before last: no entry a reader may hold names them.
            var deleted = 0;
            foreach (var path in live.Where(p => !hashes.ContainsKey(p) && previous?.Files.ContainsKey(p) != true))
                if (await _site.DeleteAsync(path, cancellationToken)) deleted++;
            var retiring = previous is null ? [] : previous.Files.Keys.Where(p => !hashes.ContainsKey(p)).ToList();

            RemoveStaleCache(cached.Values);
            await WriteManifestAsync(new Manifest(pages, hashes, retiring), stored, cancellationToken);
            var message = $"search index built over {pages.Count} paper pages in {clock.ElapsedMilliseconds} ms " +
                $"(Pagefind {index.Milliseconds} ms): {missing.Count} pages downloaded, {uploaded} files uploaded, {deleted} deleted, {retiring.Count} kept one more run";
            _logger.LogInformation("{Message}", message);
            return new SearchIndexRun(SearchIndexOutcome.Built, pages.Count, missing.Count, uploaded, deleted, clock.ElapsedMilliseconds, message);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (DirectoryNotFoundException) { }
        }
    }

    private async Task WriteManifestAsync(Manifest manifest, SiteObject? stored, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson);
        var condition = stored is null ? WriteCondition.IfNotExists : WriteCondition.IfETagMatches(stored.Info.ETag);
        var written = await _private.WriteAsync(ManifestPath, bytes, new SiteObjectProperties("application/json; charset=utf-8", "no-store"),
            condition, cancellationToken);
        // Timer triggers run one at a time; a second writer here means two hosts share the account. Its manifest
        // describes an index as complete as ours, and the next run compares against whichever is there.
        if (!written.Succeeded)
            _logger.LogWarning("The search manifest changed while the index was built (another host builds it too); the next run compares again");
    }

    private void RemoveStaleCache(IEnumerable<string> keep)
    {
        var wanted = new HashSet<string>(keep, StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_cacheFolder))
            if (!wanted.Contains(file))
                try { File.Delete(file); } catch (IOException) { } // another run may be writing it; the next run tries again
    }

    /// <summary>One cache file per page version: a changed ETag is a new name, so a stale body is never reused.</summary>
    private static string CacheName(string path, string etag) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path + "\n" + etag)))[..32] + ".html";

    private static SiteObjectProperties PropertiesOf(string path)
    {
        var name = path[IndexPrefix.Length..];
        if (path == EntryPath) return new SiteObjectProperties(SiteObjectPolicy.ContentTypeOf(path), EntryCacheControl);
        var type = Path.GetExtension(path) is ".js" or ".css" or ".json" ? SiteObjectPolicy.ContentTypeOf(path) : "application/octet-stream";
        // Index chunks, fragments, filters and meta files are named by their content: they never change under their name.
        var contentNamed = name.Contains('/') || name.EndsWith(".pf_meta", StringComparison.Ordinal);
        return new SiteObjectProperties(type, contentNamed ? SiteObjectPolicy.Immutable : SiteObjectPolicy.ShortLived);
    }

    private static bool SameOrdinal(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private Manifest? ReadManifest(byte[] content)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<Manifest>(content, ManifestJson);
            if (manifest?.Pages is not null && manifest.Files is not null && manifest.Retiring is not null) return manifest;
        }
        catch (JsonException) { }
        // Unreadable: build afresh (every index file is uploaded again), which is what a first run does.
        _logger.LogWarning("The search manifest could not be read; the index is built afresh");
        return null;
    }

    /// <param name="Pages">Each paper page's ETag at the build.</param>
    /// <param name="Files">Each file of the live index with its SHA-256.</param>
    /// <param name="Retiring">Files of the build before, no longer used, deleted by the next run.</param>
    private sealed record Manifest(IReadOnlyDictionary<string, string> Pages, IReadOnlyDictionary<string, string> Files, IReadOnlyList<string> Retiring);
}
