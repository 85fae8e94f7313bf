using BenchmarkDotNet.Attributes;
using HiiaPublish.Core.Format;
using HiiaPublish.Core.Rendering;

namespace HiiaPublish.Benchmarks;

/// <summary>
/// Warm render times (parse + layout + PDF) on the 2-core machine. Targets (issue 3): English sample
/// median ≤ 15 ms, synthetic 100 pages ≤ 300 ms, two threads ≥ 1.7× the throughput of one
/// (EightRendersOnOneThread / EightRendersOnTwoThreads).
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private PerspectiveRenderer _renderer = null!;
    private PerspectiveParser _parser = null!;
    private DraftSource _sample = null!;
    private DraftSource _hundredPages = null!;

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new PerspectiveRenderer(BenchmarkInputs.Templates);
        _parser = new PerspectiveParser();
        _sample = BenchmarkInputs.Draft(BenchmarkInputs.EnglishSample);
        _hundredPages = BenchmarkInputs.HundredPages();
        // Fail fast if an input does not render: a benchmark of an error path measures nothing useful.
        Render(_sample);
        Render(_hundredPages);
    }

    [Benchmark(Baseline = true)]
    public int EnglishSample() => Render(_sample);

    [Benchmark]
    public int HundredPages() => Render(_hundredPages);

    // Throughput on two threads is measured over a batch, so starting the threads is not what is timed.
    private const int Batch = 8;

    /// <summary>Eight renders one after another: the baseline for the two-thread throughput.</summary>
    [Benchmark]
    public int EightRendersOnOneThread()
    {
        var bytes = 0;
        for (var i = 0; i < Batch; i++) bytes += Render(_sample);
        return bytes;
    }

    /// <summary>The same eight renders on two threads; throughput gain = EightRendersOnOneThread / this.</summary>
    [Benchmark]
    public int EightRendersOnTwoThreads()
    {
        var bytes = new int[2];
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, t =>
        {
            for (var i = 0; i < Batch / 2; i++) bytes[t] += Render(_sample);
        });
        return bytes[0] + bytes[1];
    }

    private int Render(DraftSource source)
    {
        var parsed = _parser.Parse(source);
        if (parsed.Perspective is null)
            throw new InvalidOperationException(string.Join(Environment.NewLine, parsed.Diagnostics));
        var result = _renderer.Render(parsed.Perspective, source.Assets, source.FilePath);
        return result.Pdf?.Length ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
    }
}
