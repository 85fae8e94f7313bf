using BenchmarkDotNet.Attributes;
using HiiaPublish.Format;
using HiiaPublish.Rendering;

namespace HiiaPublish.Benchmarks;

/// <summary>
/// Warm render times (parse + layout + PDF) on the 2-core machine. Targets (issue 3): English sample
/// median ≤ 15 ms, synthetic 100 pages ≤ 300 ms, two threads ≥ 1.7× the throughput of one
/// (BatchOnOneThread / BatchOnTwoThreads).
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private DraftRenderer _drafts = null!;
    private DraftSource _sample = null!;
    private DraftSource _hundredPages = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Printed into the BenchmarkDotNet log, so a result always says which collector it was measured with.
        var gc = GC.GetConfigurationVariables();
        Console.WriteLine($"// GC: server {System.Runtime.GCSettings.IsServerGC}, heaps {gc.GetValueOrDefault("HeapCount")}, DATAS mode {gc.GetValueOrDefault("GCDynamicAdaptationMode")}");
        // The path `hiia render`, `hiia publish` and the workflow take: parse, then typeset.
        _drafts = new DraftRenderer(new PerspectiveParser(), new PerspectiveRenderer(BenchmarkInputs.Templates));
        _sample = BenchmarkInputs.Draft(BenchmarkInputs.EnglishSample);
        _hundredPages = BenchmarkInputs.HundredPages();
        // Fail fast if an input does not render: a benchmark of an error path measures nothing useful.
        Render(_sample);
        Render(_hundredPages);
        WarmUntilCompiled();
    }

    [Benchmark(Baseline = true)]
    public int EnglishSample() => Render(_sample);

    [Benchmark]
    public int HundredPages() => Render(_hundredPages);

    // Throughput is measured over a batch of 32 renders that the threads take from one counter, as a queue's
    // workers would: starting a thread (~0.1 ms) and the last render finishing alone are then small next to the
    // batch; with 8 renders that tail alone cost ~5%. Both variants run on threads of their own: with the thread
    // pool (Parallel.For) the second worker sometimes started only after the first had finished.
    private const int Batch = 32;

    /// <summary>32 renders one after another: the baseline for the two-thread throughput.</summary>
    [Benchmark]
    public int BatchOnOneThread() => RenderBatchOn(threads: 1);

    /// <summary>The same 32 renders on two threads; throughput gain = BatchOnOneThread / this.</summary>
    [Benchmark]
    public int BatchOnTwoThreads() => RenderBatchOn(threads: 2);

    private int RenderBatchOn(int threads)
    {
        var next = -1;
        var bytes = new int[threads];
        var workers = Enumerable.Range(0, threads)
            .Select(t => new Thread(() =>
            {
                while (Interlocked.Increment(ref next) < Batch) bytes[t] += Render(_sample);
            }))
            .ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        return bytes.Sum();
    }

    /// <summary>
    /// Renders until the JIT has stopped compiling. Tiered compilation recompiles each hot method (tier 0, then
    /// instrumented, then optimised) on one background thread, and it postpones that work while new methods keep
    /// appearing: a fresh process needs ~200 renders (~5 s) before a render takes its steady ~14 ms, more than a
    /// short job's warm-up gives. Measured without this, `--job short` reported twice the real time.
    /// </summary>
    private void WarmUntilCompiled()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            RenderBatchOn(threads: 2);
            Thread.Sleep(200); // let the background compiler drain what the batch queued
            if (System.Runtime.JitInfo.GetCompiledMethodCount() == before)
                return;
        }
    }

    private int Render(DraftSource source)
    {
        var result = _drafts.Render(source);
        return result.Pdf?.Length ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
    }
}
