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
    /// <summary>A new base index is live in pagefind/ (the first build, or segments folded into it).</summary>
    Built,
    /// <summary>The papers that changed were indexed as a segment that the search page merges into the base.</summary>
    Segment,
    /// <summary>Nothing changed; the index files the build before last still needed are deleted.</summary>
    CleanedUp,
    /// <summary>Pagefind did not build an index; readers keep the previous one, the next run tries again.</summary>
    Failed,
    /// <summary>Left to the timer's next run: another update held the lock, or the site needs a full build first.</summary>
    Deferred,
}

/// <summary>How long an update may hold the search index's lock, and how long the timer's and a publish's runs wait for it.</summary>
/// <param name="Hold">Past this a holder is taken to have died: a fold of 5,000 papers takes a minute or two (Pagefind stops itself at five).</param>
/// <param name="TimerWait">The timer waits out a publish's update (about a second) and most folds.</param>
/// <param name="PublishWait">A publish waits a little, then leaves its paper to the timer rather than hold its queue message through a fold.</param>
public sealed record SearchIndexLockTimes(TimeSpan Hold, TimeSpan TimerWait, TimeSpan PublishWait)
{
    public static SearchIndexLockTimes Default { get; } = new(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(20));
}

public sealed record SearchIndexRun(SearchIndexOutcome Outcome, int Pages, int PagesDownloaded, int FilesUploaded, int FilesDeleted,
    long Milliseconds, string Message);

/// <summary>
/// Keeps the Pagefind index of the site in a store (the `$web` container) up to date with the paper pages there, for
/// the Functions app and `hiia serve`, whose publishes write pages but run no Pagefind themselves. The index is a base
/// (<c>pagefind/</c>) plus segments (<c>pagefind-segments/{n}/</c>, named in <c>pagefind-segments.json</c>), as
/// <c>hiia publish --site</c> keeps a folder's (<see cref="SegmentedSearchIndex"/>, whose manifest format this shares):
/// <list type="bullet">
/// <item>after a publish, <see cref="IndexPublishedAsync"/> indexes the paper pages it wrote as one segment (Pagefind
/// over one page: a fraction of a second), so the paper is searchable when its publish ends;</item>
/// <item>the timer (<see cref="RunAsync"/>) lists every paper page, indexes as a segment what changed since (a publish
/// whose own update was skipped, a withdrawn page), and folds the segments into a new base past the policy's bounds:
/// the whole site downloaded once per instance (a page cache in a temp folder keyed by ETag), Pagefind over all of it
/// (most of a minute at 5,000 papers), and only index files not already there uploaded (Pagefind names them by
/// content), the entry last.</item>
/// </list>
/// Order of writes, so a reader never gets a manifest or entry naming a file not yet there: a segment's files, its
/// entry, then the public manifest, then the private one; a fold's files, the base's entry, the public manifest
/// without the folded segments. Files the live index no longer names stay one run longer for readers mid-search, then
/// go. Updates take <see cref="SearchIndexLock"/> so two never interleave; a run with nothing to do takes no lock and
/// writes nothing. A failure before the private manifest is written changes nothing the next run relies on: it
/// compares against that manifest and tries again.
/// </summary>
public sealed partial class SiteSearchIndexer : ISiteSearchUpdater
{
    /// <summary>The private container holding the manifest: which page ETags and index files the live index is made of.</summary>
    public const string ContainerName = "search";
    public const string ManifestPath = "manifest.json";
    public const string IndexPrefix = PagefindIndexer.OutputFolder + "/";
    public const string EntryPath = IndexPrefix + "pagefind-entry.json";
    public const string SegmentsPrefix = SegmentedSearchIndex.SegmentsFolder + "/";
    public const string SegmentManifestPath = SegmentedSearchIndex.ManifestPath;

    // The entry names the current meta file: a minute bounds how long a browser may ask for files of an older build,
    // well inside the one-run grace (five minutes) before they are deleted.
    private const string EntryCacheControl = "public, max-age=60";
    // The search page fetches it with cache: "no-cache" (templates/site/search-index.js); a CDN in front must ask too.
    private const string SegmentManifestCacheControl = "no-cache";
    private const int ParallelDownloads = 16;
    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = false };


    private readonly ISiteStore _site;
    private readonly ISiteStore _private;
    private readonly Func<string?> _locatePagefind;
    private readonly SearchSegmentPolicy _policy;
    private readonly string _cacheFolder;
    private readonly ILogger _logger;
    private readonly SearchIndexLockTimes _lockTimes;

    /// <param name="site">The public site (`$web`).</param>
    /// <param name="privateStore">Where the manifest lives (the private `search` container).</param>
    /// <param name="cacheFolder">This instance's page cache; kept between runs so a fold downloads only pages it has not seen.</param>
    /// <param name="locatePagefind">Finds the binary (default <see cref="PagefindIndexer.Locate"/>); null from it fails the build.</param>
    /// <param name="policy">When segments are folded (its own Pagefind locator is not used: <paramref name="locatePagefind"/> is).</param>
    /// <param name="lockTimes">How long an update may hold the index's lock, and how long each kind of run waits for it.</param>
    public SiteSearchIndexer(ISiteStore site, ISiteStore privateStore, string cacheFolder, ILogger logger, Func<string?>? locatePagefind = null,
        SearchSegmentPolicy? policy = null, SearchIndexLockTimes? lockTimes = null)
    {
        _site = site;
        _private = privateStore;
        _cacheFolder = cacheFolder;
        _logger = logger;
        _locatePagefind = locatePagefind ?? PagefindIndexer.Locate;
        _policy = policy ?? SearchSegmentPolicy.Default;
        _lockTimes = lockTimes ?? SearchIndexLockTimes.Default;
    }

    /// <summary>
    /// The page cache of one site on this machine, under the temp folder: one folder per site (named by a hash of
    /// <paramref name="siteIdentity"/>, e.g. the account's blob URI), so two hosts on one machine never clear each other's pages.
    /// </summary>
    public static string DefaultCacheFolder(string siteIdentity) =>
        Path.Combine(Path.GetTempPath(), "hiia-search-pages-" + ContentHash.Sha256Hex(Encoding.UTF8.GetBytes(siteIdentity))[..16]);

    /// <summary>perspectives/{year}/{slug}/index.html: the pages that carry data-pagefind-body (templates/site/landing.html).</summary>
    public static bool IsPaperPage(string path) => SegmentedSearchIndex.IsPaperPage(path);

    /// <summary>The span name of a run, on the workflow's ActivitySource, so the app's OpenTelemetry exports it with the rest.</summary>
    public const string ActivityName = "search-index";
    private static readonly ActivitySource Source = new(HiiaPublish.Workflow.WorkflowTelemetry.SourceName);

    /// <summary>The timer's run: everything that changed since the last update, and a fold when segments passed their bounds.</summary>
    public Task<SearchIndexRun> RunAsync(CancellationToken cancellationToken) =>
        TracedAsync("timer", () => RunUntracedAsync(cancellationToken));

    /// <summary>
    /// After a publish: the paper pages among <paramref name="writtenPaths"/> indexed as a segment, unless they are
    /// indexed already (a retried publish). Never folds; when a fold is overdue, the site has no base index yet, or
    /// another update holds the lock past a short wait, the paper is left to the timer's next run (Deferred).
    /// </summary>
    public Task<SearchIndexRun> IndexPublishedAsync(IEnumerable<string> writtenPaths, CancellationToken cancellationToken)
    {
        var papers = writtenPaths.Where(IsPaperPage).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return TracedAsync("publish", () => IndexPublishedUntracedAsync(papers, cancellationToken));
    }

    async Task<string> ISiteSearchUpdater.PagesPublishedAsync(IReadOnlyList<string> writtenPaths, CancellationToken cancellationToken) =>
        (await IndexPublishedAsync(writtenPaths, cancellationToken)).Message;

    private async Task<SearchIndexRun> TracedAsync(string trigger, Func<Task<SearchIndexRun>> run)
    {
        using var activity = Source.StartActivity(ActivityName);
        activity?.SetTag("hiia.search.trigger", trigger);
        try
        {
            var result = await run();
            activity?.SetTag(HiiaPublish.Workflow.WorkflowTelemetry.OutcomeTag, result.Outcome.ToString().ToLowerInvariant());
            activity?.SetTag("hiia.search.pages", result.Pages);
            activity?.SetTag("hiia.search.uploaded", result.FilesUploaded);
            if (result.Outcome == SearchIndexOutcome.Failed) activity?.SetStatus(ActivityStatusCode.Error, result.Message);
            return result;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Storage down, most likely: nothing readers see has changed, and the next run starts again from the manifest.
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            _logger.LogError(exception, "Updating the search index failed; the site keeps its previous index and the next run tries again");
            throw;
        }
    }

    private async Task<SearchIndexRun> RunUntracedAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var pages = await ListPaperPagesAsync(cancellationToken);
        // Pagefind refuses a folder without pages; a site before its first paper has nothing to search (not an error).
        if (pages.Count == 0)
            return new SearchIndexRun(SearchIndexOutcome.Unchanged, 0, 0, 0, 0, clock.ElapsedMilliseconds, "search index not built: the site has no paper pages yet");

        // A look without the lock first: a run with nothing to do (most of them) writes nothing at all.
        var (_, glance) = await ReadStateAsync(cancellationToken);
        if (WorkFor(glance, pages) is TimerWork.None)
            return new SearchIndexRun(SearchIndexOutcome.Unchanged, pages.Count, 0, 0, 0, clock.ElapsedMilliseconds,
                $"search index unchanged: {pages.Count} paper pages as at the last build");

        return await LockedAsync(_lockTimes.TimerWait, clock, cancellationToken, async () =>
        {
            var (stored, previous) = await ReadStateAsync(cancellationToken);
            switch (WorkFor(previous, pages))
            {
                case TimerWork.None:
                    return new SearchIndexRun(SearchIndexOutcome.Unchanged, pages.Count, 0, 0, 0, clock.ElapsedMilliseconds,
                        $"search index unchanged: {pages.Count} paper pages as at the last build");
                case TimerWork.CleanUp:
                    var deleted = 0;
                    foreach (var path in previous!.Retiring)
                        if (await _site.DeleteAsync(path, cancellationToken)) deleted++;
                    await WriteManifestAsync(previous with { Retiring = [] }, stored, cancellationToken);
                    return new SearchIndexRun(SearchIndexOutcome.CleanedUp, pages.Count, 0, 0, deleted, clock.ElapsedMilliseconds,
                        $"search index unchanged; deleted {deleted} files the live index no longer uses");
                case TimerWork.Segment:
                    var changed = Changes(previous!.Pages, pages);
                    return await AddSegmentAsync(changed, previous, stored!, clock, cancellationToken);
                default:
                    return await BuildAsync(pages, previous, stored, clock, cancellationToken);
            }
        });
    }

    private async Task<SearchIndexRun> IndexPublishedUntracedAsync(List<string> papers, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (papers.Count == 0)
            return new SearchIndexRun(SearchIndexOutcome.Unchanged, 0, 0, 0, 0, clock.ElapsedMilliseconds, "search index unchanged: the publish wrote no paper page");
        return await LockedAsync(_lockTimes.PublishWait, clock, cancellationToken, async () =>
        {
            var (stored, previous) = await ReadStateAsync(cancellationToken);
            if (previous?.BasePages is null || stored is null)
            {
                // No base yet: a young site is indexed whole here (Pagefind over a few pages, about a second), a big
                // one (an older manifest after an upgrade) is left to the timer, a fold being a minute's work.
                var pages = await ListPaperPagesAsync(cancellationToken);
                return pages.Count <= _policy.FoldAfterPapers
                    ? await BuildAsync(pages, previous, stored, clock, cancellationToken)
                    : Deferred(papers.Count, clock, $"the site's {pages.Count} paper pages have no base search index yet; the timer's next run builds it, this paper included");
            }
            var segments = previous.Segments ?? SegmentManifest.Empty(1);
            // The timer folds at the policy's bounds; until it has, publishes keep adding segments up to twice them.
            if (segments.Segments.Count >= 2L * _policy.FoldAfterSegments ||
                segments.Segments.Sum(s => s.Papers.Count) + papers.Count > 2L * _policy.FoldAfterPapers)
                return Deferred(papers.Count, clock, $"{segments.Segments.Count} search segments wait for the timer to fold them; its next run indexes this paper");
            var changed = new SortedDictionary<string, string?>(StringComparer.Ordinal);
            foreach (var paper in papers)
            {
                var info = await _site.GetInfoAsync(paper, cancellationToken);
                if (info is not null && previous.Pages.GetValueOrDefault(paper) != info.ETag) changed[paper] = info.ETag;
            }
            if (changed.Count == 0)
                return new SearchIndexRun(SearchIndexOutcome.Unchanged, papers.Count, 0, 0, 0, clock.ElapsedMilliseconds,
                    "search index unchanged: the pages this publish wrote are indexed already");
            return await AddSegmentAsync(changed, previous, stored, clock, cancellationToken);
        });
    }

    private async Task<SearchIndexRun> LockedAsync(TimeSpan wait, Stopwatch clock, CancellationToken cancellationToken, Func<Task<SearchIndexRun>> update)
    {
        var held = await SearchIndexLock.TakeAsync(_private, _lockTimes.Hold, wait, TimeProvider.System, cancellationToken);
        if (held is null)
            return Deferred(0, clock, $"another search index update held the lock for more than {wait.TotalSeconds:0} s; the next timer run catches up");
        try { return await update(); }
        finally { await held.ReleaseAsync(); }
    }

    private static SearchIndexRun Deferred(int pages, Stopwatch clock, string why) =>
        new(SearchIndexOutcome.Deferred, pages, 0, 0, 0, clock.ElapsedMilliseconds, $"search index not updated now: {why}");

    private enum TimerWork { None, CleanUp, Segment, Build }

    private TimerWork WorkFor(Manifest? previous, IReadOnlyDictionary<string, string> pages)
    {
        // No base, or one from before segments (its manifest does not say which fragment is which page): build whole.
        if (previous?.BasePages is null) return TimerWork.Build;
        var segments = previous.Segments?.Segments ?? [];
        if (segments.Count >= _policy.FoldAfterSegments) return TimerWork.Build;
        var changes = Changes(previous.Pages, pages).Count;
        if (changes > 0)
            return segments.Sum(s => s.Papers.Count) + changes > _policy.FoldAfterPapers ? TimerWork.Build : TimerWork.Segment;
        return previous.Retiring.Count > 0 ? TimerWork.CleanUp : TimerWork.None;
    }

    /// <summary>Each paper page new or changed since the manifest (its listed ETag), and each one gone from the site (null).</summary>
    private static SortedDictionary<string, string?> Changes(IReadOnlyDictionary<string, string> indexed, IReadOnlyDictionary<string, string> pages)
    {
        var changes = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (path, etag) in pages)
            if (indexed.GetValueOrDefault(path) != etag) changes[path] = etag;
        foreach (var path in indexed.Keys)
            if (!pages.ContainsKey(path)) changes[path] = null;
        return changes;
    }

    private async Task<SortedDictionary<string, string>> ListPaperPagesAsync(CancellationToken cancellationToken)
    {
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entry in _site.ListEntriesAsync("perspectives/", cancellationToken))
            if (IsPaperPage(entry.Path)) pages[entry.Path] = entry.ETag;
        return pages;
    }

    private async Task<(SiteObject? Stored, Manifest? Manifest)> ReadStateAsync(CancellationToken cancellationToken)
    {
        var stored = await _private.ReadAsync(ManifestPath, cancellationToken);
        return (stored, stored is null ? null : ReadManifest(stored.Content));
    }

    /// <summary>
    /// Indexes <paramref name="changed"/> (page → the ETag it was seen with; null when it left the site) into segment
    /// <c>Next</c>: its files under pagefind-segments/{n}/, then the public manifest naming it and dropping the
    /// pages' older versions, then the private manifest with the pages' new ETags.
    /// </summary>
    private async Task<SearchIndexRun> AddSegmentAsync(IReadOnlyDictionary<string, string?> changed, Manifest previous, SiteObject stored,
        Stopwatch clock, CancellationToken cancellationToken)
    {
        var segments = previous.Segments ?? SegmentManifest.Empty(1);
        var id = segments.Next;
        var work = Directory.CreateTempSubdirectory("hiia-search-segment-").FullName;
        try
        {
            var pagesFolder = Path.Combine(work, "pages");
            var indexed = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var path in changed.Where(c => c.Value is not null).Select(c => c.Key))
            {
                // Gone between the listing and now (withdrawn): only its older versions are dropped.
                if (await _site.ReadAsync(path, cancellationToken) is not { } page) continue;
                var target = Path.Combine(pagesFolder, path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllBytesAsync(target, page.Content, cancellationToken);
                await CachePageAsync(path, page, cancellationToken);
                indexed[path] = page.Info.ETag;
            }

            string? bundle = null;
            IReadOnlyDictionary<string, string> fragments = new Dictionary<string, string>();
            var uploaded = 0;
            long pagefindMilliseconds = 0;
            if (indexed.Count > 0)
            {
                var output = Path.Combine(work, "segment");
                var built = await PagefindIndexer.IndexIntoAsync(pagesFolder, output, _locatePagefind(), cancellationToken);
                pagefindMilliseconds = built.Milliseconds;
                if (!built.Built)
                {
                    _logger.LogError("A search segment of {Pages} paper pages was not built; those papers stay as search found them and the next run tries again: {Reason}",
                        indexed.Count, built.Message);
                    return new SearchIndexRun(SearchIndexOutcome.Failed, indexed.Count, indexed.Count, 0, 0, clock.ElapsedMilliseconds, built.Message);
                }
                SegmentedSearchIndex.PruneToIndexFiles(output);
                fragments = SegmentedSearchIndex.FragmentUrls(output).ToDictionary(p => p.Url, p => p.Fragment, StringComparer.Ordinal);
                bundle = $"{SegmentsPrefix}{id}/";
                // Segment numbers are never used twice (Next only grows), so every file of a segment is immutable; a
                // folder of this number left by a run that died before its manifests was never named to a reader.
                var files = IndexFiles(output, bundle);
                foreach (var file in files.Where(f => !f.Path.EndsWith("/" + SegmentedSearchIndex.EntryFile, StringComparison.Ordinal))
                    .Concat(files.Where(f => f.Path.EndsWith("/" + SegmentedSearchIndex.EntryFile, StringComparison.Ordinal))))
                {
                    await _site.WriteAsync(file.Path, await File.ReadAllBytesAsync(file.Full, cancellationToken),
                        new SiteObjectProperties(ContentTypeOf(file.Path), SiteObjectPolicy.Immutable), WriteCondition.None, cancellationToken);
                    uploaded++;
                }
            }

            var basePages = previous.BasePages!.Select(p => (Url: p.Value, Fragment: p.Key));
            var updated = SegmentedSearchIndex.WithSegment(segments, id, bundle, changed.Keys.Select(SegmentedSearchIndex.UrlOf), fragments, basePages);
            await _site.WriteAsync(SegmentManifestPath, SegmentedSearchIndex.SerializeManifest(updated),
                new SiteObjectProperties("application/json; charset=utf-8", SegmentManifestCacheControl), WriteCondition.None, cancellationToken);
            uploaded++;

            var pages = new SortedDictionary<string, string>(previous.Pages.ToDictionary(), StringComparer.Ordinal);
            foreach (var path in changed.Keys)
                if (indexed.TryGetValue(path, out var etag)) pages[path] = etag;
                else pages.Remove(path);
            await WriteManifestAsync(previous with { Pages = pages, Segments = updated }, stored, cancellationToken);

            var withdrawn = changed.Count - indexed.Count;
            var what = $"{indexed.Count} paper page{(indexed.Count == 1 ? "" : "s")}" + (withdrawn > 0 ? $", {withdrawn} withdrawn" : "");
            var message = $"search index updated in {clock.ElapsedMilliseconds} ms: segment {id} of {what} (Pagefind {pagefindMilliseconds} ms), " +
                $"{updated.Segments.Count} of {_policy.FoldAfterSegments} segments before the timer folds them";
            _logger.LogInformation("{Message}", message);
            return new SearchIndexRun(SearchIndexOutcome.Segment, indexed.Count, indexed.Count, uploaded, 0, clock.ElapsedMilliseconds, message);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (DirectoryNotFoundException) { }
        }
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
                await WriteCacheFileAsync(page.Value, found.Content, token);
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
            var files = IndexFiles(output, IndexPrefix);
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

            // The segments this base folds: the search page is told there are none, and their files retire with the old base's.
            var folded = previous?.Segments ?? SegmentManifest.Empty(1);
            var segmentFiles = new List<string>();
            await foreach (var path in _site.ListAsync(SegmentsPrefix, cancellationToken)) segmentFiles.Add(path);
            var segments = new SegmentManifest(SegmentManifest.CurrentVersion, folded.Next, [], [.. folded.Segments.Select(s => s.Id).Order()]);
            // Written on the first build too: the search page asks for it on every visit, and a 404 is a console error.
            await _site.WriteAsync(SegmentManifestPath, SegmentedSearchIndex.SerializeManifest(segments),
                new SiteObjectProperties("application/json; charset=utf-8", SegmentManifestCacheControl), WriteCondition.None, cancellationToken);
            uploaded++;

            // Left from a build that failed half-way, or from the build before last: no entry a reader may hold names them.
            var deleted = 0;
            foreach (var path in live.Where(p => !hashes.ContainsKey(p) && previous?.Files.ContainsKey(p) != true))
                if (await _site.DeleteAsync(path, cancellationToken)) deleted++;
            var retiring = (previous is null ? [] : previous.Files.Keys.Where(p => !hashes.ContainsKey(p)))
                .Concat(previous?.Retiring.Where(p => !hashes.ContainsKey(p) && !p.StartsWith(IndexPrefix, StringComparison.Ordinal)) ?? [])
                .Concat(segmentFiles).Distinct(StringComparer.Ordinal).ToList();

            var basePages = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (url, fragment) in SegmentedSearchIndex.FragmentUrls(output)) basePages[fragment] = url;
            RemoveStaleCache(cached.Values);
            await WriteManifestAsync(new Manifest(pages, hashes, retiring, basePages, segments), stored, cancellationToken);
            var why = previous?.BasePages is null ? "" : $", {folded.Segments.Count} segments folded into it";
            var message = $"search index built over {pages.Count} paper pages in {clock.ElapsedMilliseconds} ms " +
                $"(Pagefind {index.Milliseconds} ms{why}): {missing.Count} pages downloaded, {uploaded} files uploaded, {deleted} deleted, {retiring.Count} kept one more run";
            _logger.LogInformation("{Message}", message);
            return new SearchIndexRun(SearchIndexOutcome.Built, pages.Count, missing.Count, uploaded, deleted, clock.ElapsedMilliseconds, message);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (DirectoryNotFoundException) { }
        }
    }

    /// <summary>The files of a Pagefind output folder, each with its site path under <paramref name="prefix"/>, in ordinal order.</summary>
    private static List<(string Path, string Full)> IndexFiles(string output, string prefix) =>
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(full => (Path: prefix + Path.GetRelativePath(output, full).Replace(Path.DirectorySeparatorChar, '/'), Full: full))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();

    private async Task WriteManifestAsync(Manifest manifest, SiteObject? stored, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson);
        var condition = stored is null ? WriteCondition.IfNotExists : WriteCondition.IfETagMatches(stored.Info.ETag);
        var written = await _private.WriteAsync(ManifestPath, bytes, new SiteObjectProperties("application/json; charset=utf-8", "no-store"),
            condition, cancellationToken);
        // Updates hold the lock; a second writer here means one outlived its lock's hold. Its manifest describes an
        // index as complete as ours, and the next run compares against whichever is there.
        if (!written.Succeeded)
            _logger.LogWarning("The search manifest changed while the index was updated (another update outlived its lock); the next run compares again");
    }

    /// <summary>Keeps a page a segment indexed, so the next fold need not download it again.</summary>
    private async Task CachePageAsync(string path, SiteObject page, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(_cacheFolder);
            await WriteCacheFileAsync(Path.Combine(_cacheFolder, CacheName(path, page.Info.ETag)), page.Content, cancellationToken);
        }
        catch (IOException) { } // a cache miss costs the next fold one download
    }

    private static async Task WriteCacheFileAsync(string file, byte[] content, CancellationToken cancellationToken)
    {
        var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, content, cancellationToken);
        File.Move(temp, file, overwrite: true);
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

    private static string ContentTypeOf(string path) =>
        Path.GetExtension(path) is ".js" or ".css" or ".json" ? SiteObjectPolicy.ContentTypeOf(path) : "application/octet-stream";

    private static SiteObjectProperties PropertiesOf(string path)
    {
        var name = path[IndexPrefix.Length..];
        if (path == EntryPath) return new SiteObjectProperties(SiteObjectPolicy.ContentTypeOf(path), EntryCacheControl);
        // Index chunks, fragments, filters and meta files are named by their content: they never change under their name.
        var contentNamed = name.Contains('/') || name.EndsWith(".pf_meta", StringComparison.Ordinal);
        return new SiteObjectProperties(ContentTypeOf(path), contentNamed ? SiteObjectPolicy.Immutable : SiteObjectPolicy.ShortLived);
    }

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

    /// <param name="Pages">Each paper page's ETag as last indexed (in the base or a segment).</param>
    /// <param name="Files">Each file of the live base index with its SHA-256.</param>
    /// <param name="Retiring">Files the live index no longer names (an older base's, folded segments'), deleted by the next run.</param>
    /// <param name="BasePages">The base's pages, fragment id → URL, which a segment needs to drop the versions it replaces;
    /// null in a manifest written before segments, which the timer's next run rebuilds.</param>
    /// <param name="Segments">The public pagefind-segments.json as last written.</param>
    private sealed record Manifest(IReadOnlyDictionary<string, string> Pages, IReadOnlyDictionary<string, string> Files, IReadOnlyList<string> Retiring,
        IReadOnlyDictionary<string, string>? BasePages = null, SegmentManifest? Segments = null);
}
