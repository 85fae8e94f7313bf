using System.Diagnostics;
using System.Text;
using HiiaPublish.Format;
using HiiaPublish.Site;
using HiiaPublish.Site.Publishing;
using HiiaPublish.Site.Search;
using HiiaPublish.Site.Storage;
using Microsoft.Playwright;

namespace HiiaPublish.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --search-speed [papers]` (issue 13: a query on a 5,000-paper site answers in under 100 ms
/// in headless Chromium). Publishes the English sample into a temporary folder (the real search page, scripts and
/// assets), adds <see cref="SyntheticPapers"/>, builds the base index over them (<see cref="SegmentedSearchIndex.FoldAsync"/>,
/// what the first `hiia publish --site` into the folder does) and reports how long that took; then, with 0, 5 and 20
/// segments (each a publish of one more paper through <see cref="SegmentedSearchIndex.UpdateAsync"/>, timed), opens the
/// search page in a fresh browser context of Debian's chromium (the folder served over HTTP on 127.0.0.1 by
/// <see cref="StaticSiteServer"/>, as static hosting serves it), waits until the page says its index is loaded (<c>data-search-ready</c>), and times queries
/// through the page's own index module (the one PagefindUI calls: search, then the first five results' data, which is
/// what the page shows): the first query after the page is ready, later ones, the same again; and once through the
/// page's box (type, results shown). Then, as PagefindUI asks, each word typed a key at a time and its results asked
/// after the debounce, and the page itself typed key by key, three rounds each in fresh browsers. A record for
/// docs/performance.md ("A common word's first ask"), not a test: one run, on whatever machine it runs.
/// </summary>
public static class SearchSpeed
{

    /// <param name="papers">How many synthetic papers the site has.</param>
    /// <param name="keep">
    /// A folder to keep the site with its base index in (`--keep DIR`): built there on the first run and copied from
    /// there on later ones, so that a change to the search page's scripts is measured again in seconds rather than
    /// after another minute of Pagefind. Each run works on a fresh copy with the current templates' assets, so every
    /// run starts from the same base and adds its own segments.
    /// </param>
    public static async Task RunAsync(int papers, string? keep = null)
    {
        var folder = Directory.CreateTempSubdirectory("hiia-search-speed-").FullName;
        try
        {
            var synthetic = new SyntheticPapers();
            var kept = keep is null ? null : Path.GetFullPath(keep);
            var marker = kept is null ? null : Path.Combine(kept, ".search-speed-site");
            if (marker is not null && File.Exists(marker) && File.ReadAllText(marker).Trim() == papers.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                var copied = Stopwatch.StartNew();
                CopyFolder(kept!, folder);
                // The sample again, so the search page, its scripts and assets are the templates' current ones.
                await PublishSampleAsync(folder);
                Console.WriteLine($"site: {papers} synthetic papers and their base index copied from {kept} in {copied.ElapsedMilliseconds} ms");
            }
            else
            {
                var clock = Stopwatch.StartNew();
                await PublishSampleAsync(folder);
                for (var i = 0; i < papers; i++) synthetic.Write(folder, PaperPath(i), i);
                Console.WriteLine($"site: {papers} synthetic papers ({SyntheticPapers.WordsPerPaper} words each, half Hungarian) written in {clock.ElapsedMilliseconds} ms");

                var fold = await SegmentedSearchIndex.FoldAsync(folder);
                if (!fold.Succeeded) throw new InvalidOperationException(fold.Message);
                var indexBytes = Directory.EnumerateFiles(Path.Combine(folder, PagefindIndexer.OutputFolder), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
                Console.WriteLine($"base index: {fold.Message} ({indexBytes / 1024 / 1024.0:0.0} MB of index files)");
                if (kept is not null)
                {
                    if (Directory.Exists(kept)) Directory.Delete(kept, recursive: true);
                    CopyFolder(folder, kept);
                    File.WriteAllText(marker!, papers.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Console.WriteLine($"site kept in {kept} for the next run with --keep");
                }
            }

            var english = synthetic.English;
            var hungarian = synthetic.Hungarian;
            // Words to look for: common and rare words of each language, and two words together. The first is asked
            // first after the page is ready: a word not asked before, as a reader's first query is.
            string[] queries = [english[2000], english[3], english[10] + " " + english[40], english[20000], hungarian[5000], hungarian[12] + " " + hungarian[30]];
            var added = 0;
            foreach (var segments in new[] { 0, 5, 20 })
            {
                var times = new List<long>();
                for (; added < segments; added++)
                {
                    var path = PaperPath(papers + added);
                    synthetic.Write(folder, path, papers + added);
                    var update = await SegmentedSearchIndex.UpdateAsync(folder, [path]);
                    if (update.Kind != SearchUpdateKind.Segment) throw new InvalidOperationException(update.Message);
                    times.Add(update.Milliseconds);
                }
                if (times.Count > 0)
                    Console.WriteLine($"segments {segments - times.Count + 1}–{segments}: one paper each, built in {times.Min()}–{times.Max()} ms (median {times.Order().ElementAt(times.Count / 2)} ms)");
                await QueryAsync(folder, segments, queries);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// `--search-breakdown DIR [query…]`: where a query's time goes, on a site already built (a `--keep` folder): the
    /// search page opened as a reader opens it, then for each query (asked twice) Pagefind's own timings per index
    /// (loading the chunks it needs: fetch, decompress, decode; then scoring and building the results), the time
    /// between those and the answer arriving on the page (the worker's message, the results copied across), the five
    /// results' data, and every file fetched for it with its size and fetch time (Resource Timing).
    /// </summary>
    public static async Task BreakdownAsync(string folder, string[] queries)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("HIIA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true, Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        using var server = new StaticSiteServer(folder);
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        page.Console += (_, message) => Console.WriteLine($"    [console] {message.Text}");
        await page.GotoAsync(server.Origin + "search/index.html");
        await page.Locator("#search[data-search-ready]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        foreach (var (query, pass) in queries.Select(q => (q, "first")).Concat(queries.Select(q => (q, "again"))))
        {
            var report = await page.EvaluateAsync<string>(@"async (q) => {
                const index = await import('/assets/search/pagefind.js');
                performance.clearResourceTimings();
                const start = performance.now();
                const search = await index.search(q);
                const found = performance.now();
                await Promise.all(search.results.slice(0, 5).map(r => r.data()));
                const done = performance.now();
                const files = performance.getEntriesByType('resource')
                    .map(e => `${e.name.replace(location.origin, '')} ${(e.encodedBodySize / 1024).toFixed(1)} KB ${e.duration.toFixed(0)} ms (from ${(e.startTime - start).toFixed(0)} ms)`);
                const timings = (search.timings || []).map(t => `load ${t.preload} ms + score ${t.search} ms`).join('; ');
                return `${search.results.length} found; search ${(found - start).toFixed(0)} ms [per index: ${timings}]; data ${(done - found).toFixed(0)} ms\n      ` + files.join('\n      ');
            }", query);
            Console.WriteLine($"  \"{query}\" ({pass}): {report}");
        }
        await context.CloseAsync();
    }

    /// <summary>
    /// `--search-split DIR N`: the kept 5,000-paper site (`--keep DIR`) with its papers indexed as N Pagefind bundles of
    /// consecutive papers instead of one base (the first as pagefind/, the rest listed in pagefind-segments.json as
    /// segments are), then queried as `--search-speed` queries. An experiment for the indexing side: Pagefind scores a
    /// word by comparing every matching page with every page entry of the word (docs/performance.md), so N bundles of
    /// P/N papers score a word in half the papers in about 1/N of the time. Not what `hiia publish` builds.
    /// </summary>
    public static async Task SplitAsync(string kept, int bundles)
    {
        var folder = Directory.CreateTempSubdirectory("hiia-search-split-").FullName;
        try
        {
            CopyFolder(kept, folder);
            await PublishSampleAsync(folder);
            Directory.Delete(Path.Combine(folder, PagefindIndexer.OutputFolder), recursive: true);
            var papers = Directory.GetDirectories(Path.Combine(folder, "perspectives", "2025"), "paper-*").Order(StringComparer.Ordinal).ToList();
            var binary = PagefindIndexer.Locate();
            var clock = Stopwatch.StartNew();
            var segments = new List<object>();
            for (var k = 0; k < bundles; k++)
            {
                var pages = Directory.CreateTempSubdirectory("hiia-search-split-pages-").FullName;
                try
                {
                    var share = papers.Skip(k * papers.Count / bundles).Take((k + 1) * papers.Count / bundles - k * papers.Count / bundles);
                    foreach (var paper in share)
                    {
                        var target = Path.Combine(pages, Path.GetRelativePath(folder, paper));
                        Directory.CreateDirectory(target);
                        File.Copy(Path.Combine(paper, "index.html"), Path.Combine(target, "index.html"));
                    }
                    var output = k == 0 ? Path.Combine(folder, PagefindIndexer.OutputFolder) : Path.Combine(folder, "pagefind-segments", k.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    var result = await PagefindIndexer.IndexIntoAsync(pages, output, binary, CancellationToken.None);
                    if (!result.Built) throw new InvalidOperationException(result.Message);
                    if (k > 0) segments.Add(new { bundle = $"pagefind-segments/{k}/", papers = Array.Empty<string>(), drop = Array.Empty<string>() });
                }
                finally
                {
                    Directory.Delete(pages, recursive: true);
                }
            }
            File.WriteAllText(Path.Combine(folder, "pagefind-segments.json"), System.Text.Json.JsonSerializer.Serialize(new { version = 1, next = bundles, segments, folded = Array.Empty<int>() }));
            Console.WriteLine($"{papers.Count} papers indexed as {bundles} bundles in {clock.ElapsedMilliseconds} ms");
            var synthetic = new SyntheticPapers();
            string[] queries = [synthetic.English[2000], synthetic.English[3], synthetic.English[10] + " " + synthetic.English[40], synthetic.English[20000], synthetic.Hungarian[5000], synthetic.Hungarian[12] + " " + synthetic.Hungarian[30]];
            await QueryAsync(folder, bundles - 1, queries);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }

    private static string PaperPath(int i) => $"perspectives/2025/paper-{i:0000}/index.html";

    private static async Task PublishSampleAsync(string folder)
    {
        var file = BenchmarkInputs.EnglishSample;
        var draft = BenchmarkInputs.Draft(file);
        var paper = new PerspectiveParser().Parse(draft).Perspective ?? throw new InvalidOperationException("the sample does not parse");
        var request = PublicationRequest.FromDraft(paper, Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n"), 9, new string('a', 64),
            new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero), draft.Assets, file);
        var result = await new SitePublisher(SiteRenderer.Load(BenchmarkInputs.Templates)).PublishAsync(request, new LocalFolderSiteStore(folder), CancellationToken.None);
        if (!result.Published) throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
    }

    private static async Task QueryAsync(string folder, int segments, string[] queries)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("HIIA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true, Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        // A fresh context: nothing of the index in the browser's cache, as on a reader's first visit.
        using var server = new StaticSiteServer(folder);
        var origin = server.Origin;
        var context = await browser.NewContextAsync();

        var page = await context.NewPageAsync();
        var opened = Stopwatch.StartNew();
        await page.GotoAsync(origin + "search/index.html");
        var loaded = opened.ElapsedMilliseconds;
        await page.Locator("#search[data-search-ready]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Console.WriteLine($"{segments} segments: search page loaded in {loaded} ms, its index ready {opened.ElapsedMilliseconds} ms after navigation began");
        // Twice: the first pass fetches each word's index chunks (one per merged index), the second finds them in memory.
        foreach (var (query, pass) in queries.Select(q => (q, "first")).Concat(queries.Select(q => (q, "again"))))
        {
            var timing = await page.EvaluateAsync<double[]>(@"async (q) => {
                const index = await import('/assets/search/pagefind.js');
                const start = performance.now();
                const search = await index.search(q);
                const found = performance.now();
                await Promise.all(search.results.slice(0, 5).map(r => r.data()));
                return [performance.now() - start, search.results.length, found - start];
            }", query);
            Console.WriteLine($"  query \"{query}\" ({pass}{(query == queries[0] && pass == "first" ? ", the first after the page was ready" : "")}): {timing[0]:0} ms " +
                $"(search {timing[2]:0} ms, five results' data {timing[0] - timing[2]:0} ms), {timing[1]:0} papers found");
        }

        // The page as a reader uses it, in a fresh page: wait until ready, type a word not asked in this page, results shown.
        var reader = await context.NewPageAsync();
        await reader.GotoAsync(origin + "search/index.html");
        await reader.Locator("#search[data-search-ready]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var shown = Stopwatch.StartNew();
        await reader.FillAsync(".pagefind-ui__search-input", queries[3]);
        await reader.WaitForFunctionAsync("q => (document.querySelector('.pagefind-ui__message')?.textContent ?? '').includes(q) && !(document.querySelector('.pagefind-ui__message')?.textContent ?? '').trim().endsWith('...') && document.querySelectorAll('.pagefind-ui__result-link').length > 0", queries[3],
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        Console.WriteLine($"  typed into the ready search page → results shown: {shown.ElapsedMilliseconds} ms (includes PagefindUI's 300 ms input debounce)");
        await context.CloseAsync();

        // As the search page asks, each word asked for the first time in a fresh browser (nothing cached): the word
        // typed a key every 120 ms (PagefindUI preloads on each), its results asked 300 ms after the last key (its
        // debounce), then the first five results' data: what the reader waits for beyond the debounce. Three rounds,
        // each in a fresh browser context, because one number on a busy machine says little.
        const int rounds = 3;
        var afterDebounce = queries.ToDictionary(q => q, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            var asked = await browser.NewContextAsync();
            var asking = await asked.NewPageAsync();
            await asking.GotoAsync(origin + "search/index.html");
            await asking.Locator("#search[data-search-ready]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            foreach (var query in queries)
            {
                var timing = await asking.EvaluateAsync<double[]>(@"async (q) => {
                    const index = await import('/assets/search/pagefind.js');
                    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
                    for (let typed = 1; typed <= q.length; typed++) {
                        index.preload(q.slice(0, typed));
                        if (typed < q.length) await sleep(120);
                    }
                    await sleep(300);
                    const start = performance.now();
                    const search = await index.search(q);
                    await Promise.all(search.results.slice(0, 5).map(r => r.data()));
                    return [performance.now() - start, search.results.length];
                }", query);
                afterDebounce[query].Add(timing[0]);
            }
            await asked.CloseAsync();
        }
        foreach (var query in queries)
            Console.WriteLine($"  query \"{query}\" (first, typed a key per 120 ms, asked 300 ms after the last): results and five results' data {Spread(afterDebounce[query])}");

        // The page itself, typed key by key in a fresh browser: the last key → the results shown, for the word in half
        // the papers and for a rare one.
        foreach (var query in new[] { queries[1], queries[3] })
        {
            var shownAfter = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var typing = await browser.NewContextAsync();
                var typed = await typing.NewPageAsync();
                await typed.GotoAsync(origin + "search/index.html");
                await typed.Locator("#search[data-search-ready]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
                var input = typed.Locator(".pagefind-ui__search-input");
                await input.PressSequentiallyAsync(query[..^1], new LocatorPressSequentiallyOptions { Delay = 120 });
                await Task.Delay(120);
                var lastKey = Stopwatch.StartNew();
                await input.PressAsync(query[^1..]);
                await typed.WaitForFunctionAsync("q => (document.querySelector('.pagefind-ui__message')?.textContent ?? '').includes(q) && !(document.querySelector('.pagefind-ui__message')?.textContent ?? '').trim().endsWith('...') && document.querySelectorAll('.pagefind-ui__result-link').length > 0", query,
                    new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 5 });
                shownAfter.Add(lastKey.ElapsedMilliseconds);
                await typing.CloseAsync();
            }
            Console.WriteLine($"  \"{query}\" typed key by key (120 ms a key) into the search page: last key → results shown {Spread(shownAfter)} (includes PagefindUI's 300 ms debounce)");
        }
    }

    private static string Spread(List<double> values)
    {
        var sorted = values.Order().ToList();
        return $"median {sorted[sorted.Count / 2]:0} ms ({sorted[0]:0}–{sorted[^1]:0} ms over {sorted.Count})";
    }
}
