using System.Diagnostics;
using System.Globalization;
using System.Net;
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
/// in headless Chromium). Publishes the English sample into a temporary folder (the real search page, script and
/// assets), adds synthetic paper pages, half English and half Hungarian, each ~1,500 words drawn from a
/// 30,000-word made-up vocabulary per language with a skewed frequency (a few words everywhere, most rare, as in
/// real text), marked up as a paper page is (<c>data-pagefind-body</c>, page language), indexes them with Pagefind and
/// reports how long that took, then opens the search page in Debian's chromium (Playwright; files served through
/// Playwright's routing as static hosting serves them) and times queries: through Pagefind's API as the search page
/// calls it (search, then the first five results' data, which is what the page shows), the first query and later
/// ones, and once through the page itself (type, Enter, first result shown). A record for docs/performance.md, not
/// a test: one run, on whatever machine it runs.
/// </summary>
public static class SearchSpeed
{
    private const string Origin = "http://site.test/";
    private const int WordsPerPaper = 1500;

    public static async Task RunAsync(int papers)
    {
        var folder = Directory.CreateTempSubdirectory("hiia-search-speed-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            await PublishSampleAsync(folder);
            var english = Vocabulary(new Random(13), ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "st", "tr"], ["a", "e", "i", "o", "u", "ea", "io"]);
            var hungarian = Vocabulary(new Random(17), ["b", "d", "f", "g", "gy", "h", "k", "l", "m", "n", "ny", "r", "s", "sz", "t", "v", "zs"],
                ["a", "á", "e", "é", "i", "í", "o", "ó", "ö", "ő", "u", "ú", "ü", "ű"]);
            var random = new Random(42);
            for (var i = 0; i < papers; i++)
            {
                var hu = i % 2 == 1;
                WritePaper(folder, i, hu, hu ? hungarian : english, random);
            }
            Console.WriteLine($"site: {papers} synthetic papers ({WordsPerPaper} words each, half Hungarian) written in {clock.ElapsedMilliseconds} ms");

            var index = await PagefindIndexer.IndexFolderAsync(folder);
            if (!index.Built) throw new InvalidOperationException(index.Message);
            var indexBytes = Directory.EnumerateFiles(Path.Combine(folder, PagefindIndexer.OutputFolder), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"indexing: {index.Message} ({indexBytes / 1024 / 1024.0:0.0} MB of index files)");

            // Words to look for: a common and a rare word of each language, and two words together.
            // Pagefind searches the pages of the search page's language, so Hungarian words are asked on hu/search/.
            await QueryAsync(folder, "search/index.html", "index.html", [english[3], english[2000], english[10] + " " + english[40], english[20000]]);
            await QueryAsync(folder, "hu/search/index.html", "hu/index.html", [hungarian[5], hungarian[5000], hungarian[12] + " " + hungarian[30], hungarian[20000]]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

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

    // 30,000 made-up words of two to four syllables, in a fixed order; early words are drawn far more often.
    private static string[] Vocabulary(Random random, string[] consonants, string[] vowels)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < 30_000)
        {
            var word = new StringBuilder();
            for (var s = random.Next(2, 5); s > 0; s--)
                word.Append(consonants[random.Next(consonants.Length)]).Append(vowels[random.Next(vowels.Length)]);
            if (random.Next(3) == 0) word.Append(consonants[random.Next(consonants.Length)]);
            words.Add(word.ToString());
        }
        return [.. words];
    }

    private static string Draw(string[] vocabulary, Random random) => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 3))];

    private static void WritePaper(string folder, int i, bool hungarian, string[] vocabulary, Random random)
    {
        var slug = $"paper-{i:0000}";
        var title = string.Join(' ', Enumerable.Range(0, 6).Select(_ => Draw(vocabulary, random)));
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{(hungarian ? "hu-HU" : "en-US")}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)} — HIIA</title></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"paper\" data-pagefind-body><h1>{WebUtility.HtmlEncode(title)}</h1>");
        for (var written = 0; written < WordsPerPaper;)
        {
            html.Append("<p>");
            for (var w = 0; w < 120 && written < WordsPerPaper; w++, written++)
                html.Append(Draw(vocabulary, random)).Append(w % 17 == 16 ? ". " : " ");
            html.Append("</p>");
        }
        html.Append("</article></body></html>");
        var path = Path.Combine(folder, "perspectives", "2025", slug);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "index.html"), html.ToString());
    }

    private static async Task QueryAsync(string folder, string searchPage, string startPage, string[] queries)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("HIIA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true, Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        var context = await browser.NewContextAsync();
        await context.RouteAsync(Origin + "**", async route =>
        {
            var path = Uri.UnescapeDataString(new Uri(route.Request.Url).AbsolutePath.TrimStart('/'));
            var file = Path.Combine(folder, path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path);
            if (File.Exists(file)) await route.FulfillAsync(new RouteFulfillOptions { Path = file });
            else await route.FulfillAsync(new RouteFulfillOptions { Status = 404, Body = "not found" });
        });

        // Pagefind's API, as the search page's interface calls it: search, then the data of the results it shows.
        var page = await context.NewPageAsync();
        await page.GotoAsync(Origin + searchPage);
        await page.EvaluateAsync("async () => { window.pf = await import('/pagefind/pagefind.js'); await window.pf.init(); }");
        Console.WriteLine($"{searchPage} (index of its language loaded):");
        // Twice: the first pass fetches each word's index chunk, the second finds them in the browser's memory.
        foreach (var (query, pass) in queries.Select(q => (q, "first")).Concat(queries.Select(q => (q, "again"))))
        {
            var timing = await page.EvaluateAsync<double[]>(@"async (q) => {
                const start = performance.now();
                const search = await window.pf.search(q);
                await Promise.all(search.results.slice(0, 5).map(r => r.data()));
                return [performance.now() - start, search.results.length];
            }", query);
            Console.WriteLine($"  query \"{query}\" ({pass}): {timing[0]:0} ms, {timing[1]:0} papers found");
        }

        // The page as a reader uses it, in a fresh page (nothing loaded yet): type, Enter, the first result shown.
        var reader = await context.NewPageAsync();
        await reader.GotoAsync(Origin + startPage);
        await reader.FillAsync("#site-search", queries[1]);
        var clock = Stopwatch.StartNew();
        await reader.PressAsync("#site-search", "Enter");
        await reader.Locator(".pagefind-ui__result-link").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Console.WriteLine($"  header search on {startPage} \"{queries[1]}\" → search page with the first result shown: {clock.ElapsedMilliseconds} ms (includes loading the search page and Pagefind's scripts)");
        var shown = Stopwatch.StartNew();
        await reader.FillAsync(".pagefind-ui__search-input", queries[0]);
        await reader.WaitForFunctionAsync("q => (document.querySelector('.pagefind-ui__message')?.textContent ?? '').includes(q) && document.querySelectorAll('.pagefind-ui__result-link').length > 0", queries[0],
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        Console.WriteLine($"  a second query typed into the search page → results shown: {shown.ElapsedMilliseconds} ms (includes Pagefind's input debounce)");
    }
}
