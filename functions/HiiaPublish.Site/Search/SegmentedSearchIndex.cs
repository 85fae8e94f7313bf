using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HiiaPublish.Site.Search;

/// <summary>What one search index update of a site folder did.</summary>
public enum SearchUpdateKind
{
    /// <summary>No paper page changed: nothing was indexed or written.</summary>
    Unchanged,
    /// <summary>A segment of the papers that changed was added; the base index was not touched.</summary>
    Segment,
    /// <summary>The whole folder was indexed into a new base and the segments were folded into it.</summary>
    Folded,
    /// <summary>Pagefind did not build; the site's search is as it was.</summary>
    Failed,
}

/// <summary>What one update did, how long it took, and the sentence the publish report prints.</summary>
public sealed record SearchUpdate(SearchUpdateKind Kind, long Milliseconds, string Message, int? SegmentId = null)
{
    public bool Succeeded => Kind != SearchUpdateKind.Failed;
}

/// <summary>When segments are folded into a new base, and which Pagefind to run.</summary>
public sealed record SearchSegmentPolicy
{
    /// <summary>
    /// Segments kept before the next update folds them. Each segment costs a reader one entry and one meta file when
    /// the search page opens and one index chunk per word of a query (docs/performance.md, "Search that keeps up");
    /// twenty keep a first query inside 100 ms at 5,000 papers while a fold (Pagefind over the whole site, most of a
    /// minute at 5,000 papers) comes once every twenty publishes.
    /// </summary>
    public int FoldAfterSegments { get; init; } = 20;

    /// <summary>
    /// Paper pages all segments may hold together: past it a fold is cheaper for readers than more segments, whose
    /// words are then indexed twice (a batch publish of a whole folder of drafts, a rebuild).
    /// </summary>
    public int FoldAfterPapers { get; init; } = 250;

    public Func<string?> LocatePagefind { get; init; } = PagefindIndexer.Locate;

    public static SearchSegmentPolicy Default { get; } = new();
}

/// <summary>
/// The search index of a site folder as a base plus segments. Pagefind cannot add a page to an index, so a publish
/// indexes only the paper pages it wrote, into <c>pagefind-segments/{n}/</c>, and names the segment in
/// <c>pagefind-segments.json</c>; the search page merges the segments into the base (<c>pagefind/</c>) and drops the
/// results a later segment supersedes (the fragment ids of older versions of its papers), so a corrected paper is not
/// found by a word only its old text had. When segments pile up past <see cref="SearchSegmentPolicy"/> the next update
/// indexes the whole folder into a new base and folds them. Order of writes, so a reader mid-search never meets a
/// manifest naming missing files: segment files first, the manifest last (written whole and renamed over the old
/// one); on a fold the new base's files first, its entry last, then the manifest without the folded segments, and
/// only then are they deleted. A failed Pagefind run writes nothing readers see.
/// </summary>
public static partial class SegmentedSearchIndex
{
    public const string ManifestPath = "pagefind-segments.json";
    public const string SegmentsFolder = "pagefind-segments";
    public const string EntryFile = "pagefind-entry.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = false };
    // Pagefind's compressed files open with this signature once un-gzipped (its own decoder checks for it).
    private static readonly byte[] FragmentSignature = "pagefind_dcd"u8.ToArray();
    // Staging folders of a run that died are cleared once no live run can still be writing them.
    private static readonly TimeSpan StaleStaging = TimeSpan.FromHours(1);

    /// <summary>perspectives/{year}/{slug}/index.html: the pages that carry data-pagefind-body (templates/site/landing.html).</summary>
    public static bool IsPaperPage(string path) => PaperPage().IsMatch(path);

    [GeneratedRegex(@"^perspectives/[0-9]{4}/[a-z0-9-]+/index\.html$")]
    private static partial Regex PaperPage();

    /// <summary>The URL Pagefind files a paper page under: its folder, from the site's root.</summary>
    public static string UrlOf(string paperPage) => "/" + paperPage[..^"index.html".Length];

    /// <summary>
    /// Brings the search index of <paramref name="siteFolder"/> up to date after a publish that wrote
    /// <paramref name="writtenPaths"/> (site paths; only paper pages matter, and a paper page no longer on disk is
    /// dropped from search). Never throws for Pagefind's or the folder's failures; it says so in the result.
    /// </summary>
    public static async Task<SearchUpdate> UpdateAsync(string siteFolder, IEnumerable<string> writtenPaths,
        SearchSegmentPolicy? policy = null, CancellationToken cancellationToken = default)
    {
        policy ??= SearchSegmentPolicy.Default;
        var clock = Stopwatch.StartNew();
        var papers = writtenPaths.Where(IsPaperPage).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        try
        {
            using var held = await SearchLock.TakeAsync(siteFolder, cancellationToken);
            if (!File.Exists(Path.Combine(siteFolder, PagefindIndexer.OutputFolder, EntryFile)))
                return await FoldUnlockedAsync(siteFolder, policy, "the site had no search index yet", clock, cancellationToken);
            if (papers.Count == 0)
                return new SearchUpdate(SearchUpdateKind.Unchanged, clock.ElapsedMilliseconds, "search index unchanged: no paper page changed");
            var manifest = ReadManifest(siteFolder);
            var segmentPapers = manifest.Segments.Sum(s => s.Papers.Count) + papers.Count;
            if (manifest.Segments.Count >= policy.FoldAfterSegments)
                return await FoldUnlockedAsync(siteFolder, policy, $"{manifest.Segments.Count} segments reached the bound of {policy.FoldAfterSegments}", clock, cancellationToken);
            if (segmentPapers > policy.FoldAfterPapers)
                return await FoldUnlockedAsync(siteFolder, policy, $"segments would hold {segmentPapers} paper pages, past the bound of {policy.FoldAfterPapers}", clock, cancellationToken);
            return await AddSegmentAsync(siteFolder, manifest, papers, policy, clock, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SearchUpdate(SearchUpdateKind.Failed, clock.ElapsedMilliseconds,
                $"search index not updated: {e.Message} The site's search is as it was; publish again to retry");
        }
    }

    /// <summary>
    /// Indexes the whole folder into a new base and folds every segment into it (what <see cref="UpdateAsync"/> does
    /// when the folder has no base yet or segments passed their bound; also callable on its own, off the publish path).
    /// </summary>
    public static async Task<SearchUpdate> FoldAsync(string siteFolder, SearchSegmentPolicy? policy = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var held = await SearchLock.TakeAsync(siteFolder, cancellationToken);
            return await FoldUnlockedAsync(siteFolder, policy ?? SearchSegmentPolicy.Default, "asked for", clock, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SearchUpdate(SearchUpdateKind.Failed, clock.ElapsedMilliseconds,
                $"search index not rebuilt: {e.Message} The site's search is as it was");
        }
    }

    /// <summary>The manifest as the search page reads it; an absent or unreadable one is an empty one (the base alone).</summary>
    public static SegmentManifest ReadManifest(string siteFolder)
    {
        var path = Path.Combine(siteFolder, ManifestPath);
        if (!File.Exists(path)) return SegmentManifest.Empty(NextFreeId(siteFolder, 1));
        // Unreadable (edited by hand, cut short): the base alone, and the segments it named are folded at the next bound.
        return ParseManifest(File.ReadAllBytes(path)) ?? SegmentManifest.Empty(NextFreeId(siteFolder, 1));
    }

    /// <summary>pagefind-segments.json's bytes read back; null when they are not a whole manifest.</summary>
    public static SegmentManifest? ParseManifest(byte[] content)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<SegmentManifest>(content, Json);
            if (manifest is { Segments: not null, Folded: not null } && manifest.Segments.All(s => s.Papers is not null && s.Pages is not null && s.Drop is not null))
                return manifest;
        }
        catch (JsonException) { }
        return null;
    }

    /// <summary>pagefind-segments.json as the search page reads it (templates/site/search-index.js).</summary>
    public static byte[] SerializeManifest(SegmentManifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, Json);

    /// <summary>
    /// <paramref name="manifest"/> with segment <paramref name="id"/> added after the others: the segment holding
    /// <paramref name="pages"/> (URL → fragment id, read from its bundle; empty when it only withdraws papers) in place
    /// of every earlier version of <paramref name="paperUrls"/>, in the base (<paramref name="basePages"/>) and in older
    /// segments, whose fragment ids it lists to drop. A folder and a blob container (the Functions app's
    /// SiteSearchIndexer) build the same manifest through here.
    /// </summary>
    public static SegmentManifest WithSegment(SegmentManifest manifest, int id, string? bundle, IEnumerable<string> paperUrls,
        IReadOnlyDictionary<string, string> pages, IEnumerable<(string Url, string Fragment)> basePages)
    {
        var urls = paperUrls.ToHashSet(StringComparer.Ordinal);
        var current = pages.Values.ToHashSet(StringComparer.Ordinal);
        var drop = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (url, fragment) in basePages)
            if (urls.Contains(url) && !current.Contains(fragment)) drop.Add(fragment);
        var older = new List<SearchSegment>();
        foreach (var segment in manifest.Segments)
        {
            foreach (var (url, fragment) in segment.Pages)
                if (urls.Contains(url) && !current.Contains(fragment)) drop.Add(fragment);
            // A page this segment brings back exactly as an older version was (same content, same fragment id) must
            // not stay dropped by an earlier segment; the search page shows one result per fragment id.
            older.Add(segment with { Drop = [.. segment.Drop.Where(d => !current.Contains(d))] });
        }
        var added = new SearchSegment(id, bundle, [.. urls.Order(StringComparer.Ordinal)],
            new SortedDictionary<string, string>(pages.ToDictionary(), StringComparer.Ordinal), [.. drop]);
        return manifest with { Next = id + 1, Segments = [.. older, added] };
    }

    private static async Task<SearchUpdate> AddSegmentAsync(string siteFolder, SegmentManifest manifest, List<string> papers,
        SearchSegmentPolicy policy, Stopwatch clock, CancellationToken cancellationToken)
    {
        var id = NextFreeId(siteFolder, manifest.Next);
        var segmentsRoot = Path.Combine(siteFolder, SegmentsFolder);
        var pagesFolder = Directory.CreateTempSubdirectory("hiia-search-segment-");
        try
        {
            var present = 0;
            foreach (var page in papers)
            {
                var source = Path.Combine(siteFolder, page);
                if (!File.Exists(source)) continue; // withdrawn: its older versions are dropped, nothing is indexed
                var copy = Path.Combine(pagesFolder.FullName, page);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(source, copy);
                present++;
            }

            string? bundle = null;
            var pages = new SortedDictionary<string, string>(StringComparer.Ordinal);
            long pagefindMilliseconds = 0;
            if (present > 0)
            {
                Directory.CreateDirectory(segmentsRoot);
                var staging = Path.Combine(segmentsRoot, $".segment-{id}-{Guid.NewGuid():N}");
                var built = await PagefindIndexer.IndexIntoAsync(pagesFolder.FullName, staging, policy.LocatePagefind(), cancellationToken);
                pagefindMilliseconds = built.Milliseconds;
                if (!built.Built)
                {
                    TryDeleteFolder(staging);
                    return Failed(built.Message, clock);
                }
                PruneToIndexFiles(staging);
                foreach (var (url, fragment) in FragmentUrls(staging)) pages[url] = fragment;
                var final = Path.Combine(segmentsRoot, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                // A folder of this number is left by a run that died before its manifest: no reader was ever told of it.
                TryDeleteFolder(final);
                Directory.Move(staging, final);
                bundle = $"{SegmentsFolder}/{id}/";
            }

            var updated = WithSegment(manifest, id, bundle, papers.Select(UrlOf), pages, BasePages(siteFolder));
            WriteManifest(siteFolder, updated);
            CleanUp(siteFolder, updated);
            var what = present == papers.Count ? $"{present} paper page{(present == 1 ? "" : "s")}" : $"{present} paper pages, {papers.Count - present} withdrawn";
            return new SearchUpdate(SearchUpdateKind.Segment, clock.ElapsedMilliseconds,
                $"search index updated in {clock.ElapsedMilliseconds} ms: segment {id} of {what} (Pagefind {pagefindMilliseconds} ms), " +
                $"{manifest.Segments.Count + 1} of at most {policy.FoldAfterSegments} segments before the next full index", id);
        }
        finally
        {
            TryDeleteFolder(pagesFolder.FullName);
        }
    }

    private static async Task<SearchUpdate> FoldUnlockedAsync(string siteFolder, SearchSegmentPolicy policy, string why, Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var manifest = ReadManifest(siteFolder);
        var segmentsRoot = Path.Combine(siteFolder, SegmentsFolder);
        Directory.CreateDirectory(segmentsRoot);
        var staging = Path.Combine(segmentsRoot, $".base-{Guid.NewGuid():N}");
        try
        {
            var built = await PagefindIndexer.IndexIntoAsync(siteFolder, staging, policy.LocatePagefind(), cancellationToken);
            if (!built.Built) return Failed(built.Message, clock);
            CacheBasePages(siteFolder, staging);
            var live = Path.Combine(siteFolder, PagefindIndexer.OutputFolder);
            ReplaceBase(staging, live);
            // Only the segments this base folds: those of earlier folds are gone already, and the list would only grow.
            var folded = manifest.Segments.Select(s => s.Id).Order().ToList();
            WriteManifest(siteFolder, new SegmentManifest(SegmentManifest.CurrentVersion, NextFreeId(siteFolder, manifest.Next), [], folded));
            CleanUp(siteFolder, ReadManifest(siteFolder));
            var segments = manifest.Segments.Count == 0 ? "" : $", {manifest.Segments.Count} segments folded into it";
            return new SearchUpdate(SearchUpdateKind.Folded, clock.ElapsedMilliseconds,
                $"search index built over the whole site in {clock.ElapsedMilliseconds} ms ({why}{segments})");
        }
        finally
        {
            TryDeleteFolder(staging);
        }
    }

    /// <summary>
    /// Puts a new base in place: index, fragment and filter files and meta first (named by content, so a name
    /// already there holds these bytes), then the scripts, the entry last; then the old base's files the new one does
    /// not use. A reader holding the old entry meanwhile still finds its files until that last step, and the search
    /// page starts afresh if one is gone.
    /// </summary>
    private static void ReplaceBase(string staging, string live)
    {
        if (!Directory.Exists(live))
        {
            Directory.Move(staging, live);
            return;
        }
        var files = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
            .Select(full => Path.GetRelativePath(staging, full))
            .ToList();
        var contentNamed = files.Where(IsContentNamed).ToList();
        var ordered = contentNamed.Concat(files.Where(f => !IsContentNamed(f) && f != EntryFile)).Append(EntryFile);
        foreach (var relative in ordered)
        {
            var target = Path.Combine(live, relative);
            if (IsContentNamed(relative) && File.Exists(target)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(Path.Combine(staging, relative), target, overwrite: true);
        }
        var keep = files.ToHashSet(StringComparer.Ordinal);
        foreach (var old in Directory.EnumerateFiles(live, "*", SearchOption.AllDirectories).ToList())
            if (!keep.Contains(Path.GetRelativePath(live, old))) File.Delete(old);
    }

    private static bool IsContentNamed(string relative) =>
        relative.Contains(Path.DirectorySeparatorChar) || relative.EndsWith(".pf_meta", StringComparison.Ordinal);

    /// <summary>
    /// A segment keeps what a merged index is read from (its entry, meta, index chunks, fragments and filters); the
    /// scripts, styles and WebAssembly are the base's, and merged indexes use the base's copy.
    /// </summary>
    public static void PruneToIndexFiles(string bundle)
    {
        foreach (var file in Directory.EnumerateFiles(bundle).ToList())
        {
            var name = Path.GetFileName(file);
            if (name != EntryFile && !name.EndsWith(".pf_meta", StringComparison.Ordinal)) File.Delete(file);
        }
    }

    /// <summary>Each fragment's page URL and id (its file name), read from Pagefind's gzipped fragment files.</summary>
    public static IEnumerable<(string Url, string Fragment)> FragmentUrls(string bundle)
    {
        var folder = Path.Combine(bundle, "fragment");
        if (!Directory.Exists(folder)) yield break;
        foreach (var file in Directory.EnumerateFiles(folder, "*.pf_fragment"))
            if (FragmentUrl(file) is { } url) yield return (url, Path.GetFileNameWithoutExtension(file));
    }

    private static string? FragmentUrl(string file)
    {
        using var stream = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (!bytes.StartsWith(FragmentSignature)) return null;
        var reader = new Utf8JsonReader(bytes[FragmentSignature.Length..]);
        // The url is the fragment's first property; read no further than it.
        while (reader.Read())
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("url"))
                return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return null;
    }

    /// <summary>
    /// The base's pages (URL, fragment id), which a new segment needs to know which base results it supersedes. Read
    /// from the fragments once per base build and kept in the temp folder (named by the base's entry, so a new base
    /// never reuses an old list); not in the site, whose public folder holds nothing technical.
    /// </summary>
    private static IReadOnlyList<(string Url, string Fragment)> BasePages(string siteFolder)
    {
        var live = Path.Combine(siteFolder, PagefindIndexer.OutputFolder);
        var cache = BaseCachePath(siteFolder, live);
        if (cache is null) return [];
        if (File.Exists(cache))
        {
            try
            {
                if (JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllBytes(cache)) is { } known)
                    return [.. known.Select(p => (p.Value, p.Key))];
            }
            catch (JsonException) { }
        }
        return CacheBasePages(siteFolder, live);
    }

    private static IReadOnlyList<(string Url, string Fragment)> CacheBasePages(string siteFolder, string bundle)
    {
        var pages = FragmentUrls(bundle).ToList();
        var cache = BaseCachePath(siteFolder, bundle);
        if (cache is null) return pages;
        var temp = cache + "." + Guid.NewGuid().ToString("N") + ".tmp";
        // Keyed by fragment id: two ids may share a URL (an older base kept a page's earlier version); never the reverse.
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(pages.GroupBy(p => p.Fragment).ToDictionary(g => g.Key, g => g.First().Url)));
        File.Move(temp, cache, overwrite: true);
        return pages;
    }

    private static string? BaseCachePath(string siteFolder, string bundle)
    {
        var entry = Path.Combine(bundle, EntryFile);
        if (!File.Exists(entry)) return null;
        var key = Sha256Hex(Encoding.UTF8.GetBytes(Path.GetFullPath(siteFolder)))[..16] + "-" + Sha256Hex(File.ReadAllBytes(entry))[..16];
        return Path.Combine(Path.GetTempPath(), $"hiia-search-base-{key}.json");
    }

    private static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void WriteManifest(string siteFolder, SegmentManifest manifest)
    {
        var path = Path.Combine(siteFolder, ManifestPath);
        var temp = Path.Combine(siteFolder, SegmentsFolder, $".manifest-{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        File.WriteAllBytes(temp, SerializeManifest(manifest));
        // A rename on one file system: a reader gets the old manifest or the new one, never half of one.
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>
    /// Deletes segment folders no manifest reader can be sent to any more: those the current base folded, and numbered
    /// folders the manifest does not name (left by a run that died before writing it); and staging left by dead runs.
    /// </summary>
    private static void CleanUp(string siteFolder, SegmentManifest manifest)
    {
        var root = Path.Combine(siteFolder, SegmentsFolder);
        if (!Directory.Exists(root)) return;
        var named = manifest.Segments.Select(s => s.Id).ToHashSet();
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var name = Path.GetFileName(folder);
            if (int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                if (!named.Contains(id)) TryDeleteFolder(folder);
            }
            else if (name.StartsWith('.') && DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) > StaleStaging)
                TryDeleteFolder(folder);
        }
        // A manifest a dead run wrote but never renamed into place.
        foreach (var file in Directory.EnumerateFiles(root, ".manifest-*.tmp"))
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > StaleStaging)
                try { File.Delete(file); } catch (IOException) { }
    }

    /// <summary>A segment number never used in this folder: a browser may still cache the entry of an older one.</summary>
    private static int NextFreeId(string siteFolder, int next)
    {
        var root = Path.Combine(siteFolder, SegmentsFolder);
        if (!Directory.Exists(root)) return next;
        foreach (var folder in Directory.EnumerateDirectories(root))
            if (int.TryParse(Path.GetFileName(folder), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id >= next)
                next = id + 1;
        return next;
    }

    private static SearchUpdate Failed(string message, Stopwatch clock) =>
        new(SearchUpdateKind.Failed, clock.ElapsedMilliseconds, $"{message} The site's search is as it was; the paper is published all the same");

    private static void TryDeleteFolder(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // the next update tries again
    }

    /// <summary>One update per site folder at a time, across processes of this machine (an advisory lock in the temp folder).</summary>
    private static class SearchLock
    {
        public static async Task<IDisposable> TakeAsync(string siteFolder, CancellationToken cancellationToken)
        {
            var path = Path.Combine(Path.GetTempPath(), "hiia-search-" + Sha256Hex(Encoding.UTF8.GetBytes(Path.GetFullPath(siteFolder)))[..16] + ".lock");
            // A fold of 5,000 papers takes about a minute; ten minutes of waiting mean something is stuck.
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
            while (true)
            {
                try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
                catch (IOException) when (DateTime.UtcNow < deadline) { await Task.Delay(100, cancellationToken); }
            }
        }
    }
}

/// <summary>
/// pagefind-segments.json, which the search page reads: the segments to merge into the base, in order, and the
/// segment numbers the current base has folded (already deleted, or about to be).
/// </summary>
public sealed record SegmentManifest(int Version, int Next, IReadOnlyList<SearchSegment> Segments, IReadOnlyList<int> Folded)
{
    public const int CurrentVersion = 1;

    public static SegmentManifest Empty(int next) => new(CurrentVersion, next, [], []);
}

/// <param name="Id">Its number; <paramref name="Bundle"/> is <c>pagefind-segments/{Id}/</c>.</param>
/// <param name="Bundle">The Pagefind bundle to merge, from the site's root; null when the segment only withdraws papers.</param>
/// <param name="Papers">The paper URLs it supersedes in the base and in older segments.</param>
/// <param name="Pages">Its own pages: URL → fragment id.</param>
/// <param name="Drop">Fragment ids of the older versions of its papers, which the search page leaves out.</param>
public sealed record SearchSegment(int Id, string? Bundle, IReadOnlyList<string> Papers, IReadOnlyDictionary<string, string> Pages, IReadOnlyList<string> Drop);
