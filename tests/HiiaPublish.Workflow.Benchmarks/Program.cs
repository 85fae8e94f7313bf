using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HiiaPublish.Cli.Local;
using HiiaPublish.Cli.Commands;
using HiiaPublish.Workflow.Benchmarks;

// Issue 5's speed targets, end to end through `hiia serve` (API, queue pumps, site) against Azurite:
//   upload → published (approval excluded) median ≤ 2 s; upload answers ≤ 200 ms; 50 drafts at once all rendered.
// Usage: dotnet run -c Release --project tests/HiiaPublish.Workflow.Benchmarks -- [--runs N] [--burst N]
// With --upload-shapes: the upload answer for drafts at each of the parser's limits (issue 15), --runs uploads each;
// add --settle to let each render finish before the next upload, and --catalogue N to have N papers published first
// (each upload reads perspectives.json for its slug-collision check, HP0720).

var runs = Option(args, "--runs", 10);
var burst = Option(args, "--burst", 50);
// Far beyond any target: only a stuck pipeline waits this long.
var patience = TimeSpan.FromMinutes(10);
var root = BenchmarkDrafts.FindRepositoryRoot();
var script = AzuriteProcess.FindScript(root) ?? throw new InvalidOperationException("Azurite is missing; run scripts/install-deps.sh.");

await using var azurite = await AzuriteProcess.StartAsync(script, dataFolder: null);
var port = FreePort();
using var stop = new CancellationTokenSource();
var serve = Task.Run(() => new ServeCommand().RunAsync(["--storage", azurite.ConnectionString(), "--port", port.ToString(CultureInfo.InvariantCulture)],
    TextWriter.Null, Console.Error, stop.Token));
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(5) };
var client = new WorkflowClient(http);
var exitCode = 0;
try
{
    while (!await client.HealthyAsync())
    {
        if (serve.IsCompleted) throw new InvalidOperationException("hiia serve stopped at start.");
        await Task.Delay(100);
    }
    Console.WriteLine($"hiia serve on port {port}, Azurite in memory; {Environment.ProcessorCount} cores; {runs} sequential papers, then {burst} at once.");

    // The first paper pays for loading fonts, patterns and templates and for creating tables and queues.
    await PublishOneAsync(client, root, "bench-warm-up", patience);
    var catalogueSize = Option(args, "--catalogue", 0);
    if (args.Contains("--catalogue"))
    {
        var bytes = await PublishedCatalogue.GrowAsync(azurite.ConnectionString(), catalogueSize);
        Console.WriteLine($"perspectives.json now lists {catalogueSize + 1:N0} papers ({bytes:N0} bytes).");
        var lookups = new List<TimeSpan>();
        for (var i = 0; i < 6; i++) lookups.Add(await PublishedCatalogue.TimeOneLookupAsync(azurite.ConnectionString(), "no-such-paper"));
        Console.WriteLine($"Reading it and finding one slug, in this process: first {Ms(lookups[0])}, median of the next five {Ms(Median(lookups.Skip(1)))}.");
    }

    if (args.Contains("--upload-shapes"))
    {
        // Issue 15: the upload answers within 1 s for any accepted draft. The first upload of each shape is the one
        // that pays for whatever code that shape alone reaches (a fresh worker meets it so); the rest are warm.
        var settle = args.Contains("--settle");
        Console.WriteLine();
        Console.WriteLine(settle ? "Each upload after the previous one's render (idle worker):" : "Uploads one after another while the earlier ones render:");
        Console.WriteLine("| draft | bytes sent | first answer | median of the next | max of the next | target |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (name, make) in UploadShapes.All(root))
        {
            var times = new List<TimeSpan>();
            long bytes = 0;
            for (var i = 0; i <= runs; i++)
            {
                var slug = $"shape-{UploadShapes.All(root).ToList().FindIndex(s => s.Name == name)}-{i}";
                var files = make(slug);
                bytes = files.Sum(f => (long)f.Bytes.Length);
                var (revision, answered) = await client.UploadAsync(files);
                times.Add(answered);
                // --settle: each upload waits for the previous one's render, so it is timed on an otherwise idle
                // worker; without it the uploads meet the renders of the earlier ones, as a busy day would.
                if (settle) await client.WaitForAsync(slug, revision, "rendered", patience);
            }
            var warm = times.Skip(1).ToArray();
            Console.WriteLine($"| {name} | {bytes:N0} | {Ms(times[0])} | {Ms(Median(warm))} | {Ms(warm.Max())} | ≤ 1,000 ms |");
        }
        return 0;
    }

    var sequential = new List<(TimeSpan Upload, TimeSpan ToRendered, TimeSpan ToPublished)>();
    for (var i = 1; i <= runs; i++)
    {
        var result = await PublishOneAsync(client, root, $"bench-{i:000}", patience);
        sequential.Add(result);
        Console.WriteLine($"  paper {i,3}: upload answered {Ms(result.Upload)}, rendered after {Ms(result.ToRendered)}, published {Ms(result.ToPublished)} after the approval");
    }
    var total = sequential.Select(r => r.ToRendered + r.ToPublished).ToList();
    Console.WriteLine();
    Console.WriteLine("| measure | median | max | target |");
    Console.WriteLine("|---|---|---|---|");
    Console.WriteLine($"| upload → published, approval excluded | {Ms(Median(total))} | {Ms(total.Max())} | ≤ 2,000 ms median |");
    Console.WriteLine($"| upload → rendered | {Ms(Median(sequential.Select(r => r.ToRendered)))} | {Ms(sequential.Max(r => r.ToRendered))} | |");
    Console.WriteLine($"| approval answered → published | {Ms(Median(sequential.Select(r => r.ToPublished)))} | {Ms(sequential.Max(r => r.ToPublished))} | |");
    Console.WriteLine($"| upload answer (one at a time) | {Ms(Median(sequential.Select(r => r.Upload)))} | {Ms(sequential.Max(r => r.Upload))} | ≤ 200 ms |");

    // Fifty editors press "upload" at the same moment.
    var clock = Stopwatch.StartNew();
    var uploads = await Task.WhenAll(Enumerable.Range(1, burst).Select(i =>
        client.UploadAsync(BenchmarkDrafts.EnglishSample(root, $"burst-{i:000}"))));
    var waits = await Task.WhenAll(uploads.Select(async (u, i) =>
    {
        try
        {
            await client.WaitForAsync($"burst-{i + 1:000}", u.Revision, "rendered", patience);
            return (string?)null;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            return e.Message;
        }
    }));
    var failures = waits.Where(w => w is not null).ToList();
    Console.WriteLine($"| upload answer, {burst} at once | {Ms(Median(uploads.Select(u => u.Answered)))} | {Ms(uploads.Max(u => u.Answered))} | |");
    Console.WriteLine($"| {burst} at once: all rendered after | {Ms(clock.Elapsed)} | | all rendered, no failure |");
    Console.WriteLine();
    Console.WriteLine($"{burst - failures.Count} of {burst} drafts uploaded at once were rendered; {failures.Count} failed.");
    foreach (var failure in failures) Console.WriteLine($"  {failure}");
    exitCode = failures.Count == 0 ? 0 : 1;
}
finally
{
    await stop.CancelAsync();
    await serve;
}
return exitCode;

static async Task<(TimeSpan Upload, TimeSpan ToRendered, TimeSpan ToPublished)> PublishOneAsync(WorkflowClient client, string root, string slug, TimeSpan patience)
{
    var clock = Stopwatch.StartNew();
    var (revision, answered) = await client.UploadAsync(BenchmarkDrafts.EnglishSample(root, slug));
    await client.WaitForAsync(slug, revision, "rendered", patience);
    var toRendered = clock.Elapsed;
    // The copy editor's reading time is not the pipeline's: the clock restarts once the approval is answered.
    await client.ApproveAsync(slug, revision);
    clock.Restart();
    await client.WaitForAsync(slug, revision, "published", patience);
    return (answered, toRendered, clock.Elapsed);
}

static TimeSpan Median(IEnumerable<TimeSpan> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";

static int Option(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) && value > 0 ? value : fallback;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
