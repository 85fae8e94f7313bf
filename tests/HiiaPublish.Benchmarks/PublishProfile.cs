using System.Collections.Concurrent;
using System.Diagnostics;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- --publish-profile [folder|azurite] [publishes]`: the PublishBenchmarks site (one paper into
/// 5,000), then a few publishes timed with every store call summed by kind of object, to show where a publish's time
/// goes. A record for docs/performance.md, not a benchmark: one process, no warm-up statistics.
/// </summary>
public static class PublishProfile
{
    public static void Run(string store, int publishes)
    {
        var benchmark = new PublishBenchmarks { Store = store };
        benchmark.Setup();
        var timing = new TimingSiteStore(benchmark.StoreForProfile);
        benchmark.StoreForProfile = timing;
        var walls = new List<long>();
        for (var i = 0; i < publishes; i++)
        {
            timing.Reset();
            var clock = Stopwatch.StartNew();
            var written = benchmark.PublishOnePaper();
            walls.Add(clock.ElapsedMilliseconds);
            Console.WriteLine($"publish {i + 1}: {clock.ElapsedMilliseconds} ms wall, {written} objects written" +
                (benchmark.LastSearch is { } search ? $"; {search}" : ""));
        }
        Console.WriteLine($"store time of the last publish by object kind (calls overlap when parallel, so the sum may exceed the wall time):");
        foreach (var (kind, calls, ms, bytes) in timing.Totals().OrderByDescending(t => t.Milliseconds))
            Console.WriteLine($"  {kind,-22} {calls,5} calls {ms,7:0} ms {bytes / 1024,8} KB written");
        Console.WriteLine($"median wall: {walls.Order().ElementAt(walls.Count / 2)} ms");
        benchmark.Cleanup();
    }

    private sealed class TimingSiteStore(ISiteStore inner) : ISiteStore
    {
        private readonly ConcurrentDictionary<string, (int Calls, double Milliseconds, long Bytes)> _totals = new();

        public void Reset() => _totals.Clear();

        public IEnumerable<(string Kind, int Calls, double Milliseconds, long Bytes)> Totals() =>
            _totals.Select(t => (t.Key, t.Value.Calls, t.Value.Milliseconds, t.Value.Bytes));

        public Task<SiteObject?> ReadAsync(string path, CancellationToken cancellationToken) => Timed(path, "read", 0, () => inner.ReadAsync(path, cancellationToken));

        public Task<SiteObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken) => Timed(path, "info", 0, () => inner.GetInfoAsync(path, cancellationToken));

        public Task<SiteWriteResult> WriteAsync(string path, byte[] content, SiteObjectProperties properties, WriteCondition condition, CancellationToken cancellationToken) =>
            Timed(path, "write", content.Length, () => inner.WriteAsync(path, content, properties, condition, cancellationToken));

        public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

        private async Task<T> Timed<T>(string path, string operation, long bytes, Func<Task<T>> call)
        {
            var clock = Stopwatch.StartNew();
            try { return await call(); }
            finally
            {
                var kind = $"{KindOf(path)} {operation}";
                _totals.AddOrUpdate(kind, (1, clock.Elapsed.TotalMilliseconds, bytes),
                    (_, t) => (t.Calls + 1, t.Milliseconds + clock.Elapsed.TotalMilliseconds, t.Bytes + bytes));
            }
        }

        private static string KindOf(string path) => path switch
        {
            _ when path.StartsWith("topics/", StringComparison.Ordinal) => "topic",
            _ when path.StartsWith("authors/", StringComparison.Ordinal) => "author",
            _ when path.StartsWith("perspectives/", StringComparison.Ordinal) => "paper folder",
            _ when path.StartsWith("assets/", StringComparison.Ordinal) || path.Contains("search/", StringComparison.Ordinal) => "assets",
            _ when path == "index.html" || path.StartsWith("page/", StringComparison.Ordinal) || path.StartsWith("hu/", StringComparison.Ordinal) => "listing",
            _ => path,
        };
    }
}
