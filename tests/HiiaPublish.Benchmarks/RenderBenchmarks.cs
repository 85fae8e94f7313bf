using BenchmarkDotNet.Attributes;
using HiiaPublish.Core.Format;
using HiiaPublish.Core.Rendering;

namespace HiiaPublish.Benchmarks;

/// <summary>
/// Warm render times (parse + layout + PDF) on the 2-core machine. Targets (issue 3): English sample
/// median ≤ 15 ms, synthetic 100 pages ≤ 300 ms, two threads ≥ 1.7× the throughput of one.
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

    /// <summary>Two renders at once: with 2 cores, throughput = 2 × EnglishSample / this.</summary>
    [Benchmark]
    public int EnglishSampleTwiceOnTwoThreads()
    {
        var results = new int[2];
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => results[i] = Render(_sample));
        return results[0] + results[1];
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
