using System.Diagnostics;
using System.Globalization;
using HiiaPublish.Format;
using HiiaPublish.Functions.WarmUp;
using HiiaPublish.Rendering;
using HiiaPublish.Workflow;
using Microsoft.Extensions.Logging.Abstractions;

namespace HiiaPublish.Benchmarks;

/// <summary>
/// `--cold-start [runs]`: the Functions app's first render after process start against a warm one (issue 14's target:
/// first ≤ 2× warm + 100 ms). Each run is a fresh child process of this very program (`--cold-start-child`), so every
/// run starts cold. The child builds the parser and renderer as the app registers them (AddHiiaPublish), renders the
/// worker's warm-up papers as `RendererWarmUp` does when the worker starts (or not, in alternate runs), then renders the
/// English sample once ("first") and ten more times ("warm", the mean). Times are the CPU time of the whole process
/// (`Process.TotalProcessorTime`, which counts background JIT too), steadier than wall time on a shared machine.
/// Publish it as the app is published, ReadyToRun for linux-x64, or the figures are the JIT's:
/// `dotnet publish tests/HiiaPublish.Benchmarks -c Release -r linux-x64 -p:PublishReadyToRun=true -o /tmp/bench`, then
/// `/tmp/bench/HiiaPublish.Benchmarks --cold-start 10`, from the repository's root. A record for docs/performance.md, never a test's pass mark.
/// </summary>
public static class ColdStart
{
    private const int WarmRenders = 10;

    public static int Run(int runs)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark cannot find its own executable.");
        Console.WriteLine($"{"warm-up",-8} {"start",7} {"built",7} {"warm-up",8} {"first",7} {"warm",7} {"2w+100",7}  first within?  (ms of CPU; first's wall in brackets)");
        var met = new Dictionary<bool, int> { [true] = 0, [false] = 0 };
        var counted = new Dictionary<bool, int> { [true] = 0, [false] = 0 };
        for (var i = 0; i < runs * 2; i++)
        {
            // Alternate, so that a busier moment of a shared machine does not fall on one variant only.
            var warmUp = i % 2 == 0;
            var line = RunChild(self, warmUp);
            if (line is null)
                return 1;
            var within = line.First <= 2 * line.Warm + 100;
            counted[warmUp]++;
            if (within)
                met[warmUp]++;
            Console.WriteLine($"{(warmUp ? "yes" : "no"),-8} {line.Start,7:0} {line.Built,7:0} {(warmUp ? line.WarmUp.ToString("0", CultureInfo.InvariantCulture) : "-"),8} " +
                $"{line.First,7:0} {line.Warm,7:0.0} {2 * line.Warm + 100,7:0}  {(within ? "yes" : "no"),-5} ({line.FirstWall:0})");
        }
        Console.WriteLine($"first render within 2x warm + 100 ms: with the warm-up in {met[true]} of {counted[true]} runs, without it in {met[false]} of {counted[false]}");
        return 0;
    }

    /// <summary>One cold process: prints a single line of figures for the parent to read.</summary>
    public static int Child(bool warmUp)
    {
        var process = Process.GetCurrentProcess();
        double Cpu() { process.Refresh(); return process.TotalProcessorTime.TotalMilliseconds; }

        var atStart = Cpu();
        // As HiiaPublishServiceCollectionExtensions registers them: one parser and one renderer per process.
        var parser = new PerspectiveParser();
        var renderer = new PerspectivePreviewRenderer(new PerspectiveRenderer(BenchmarkInputs.Templates));
        var built = Cpu();

        if (warmUp)
            new RendererWarmUp(parser, renderer, NullLogger<RendererWarmUp>.Instance).WarmUp();
        var warmedUp = Cpu();

        var sample = BenchmarkInputs.Draft(EnglishSample());
        var wall = Stopwatch.StartNew();
        RenderOnce(parser, renderer, sample);
        var firstWall = wall.Elapsed.TotalMilliseconds;
        var first = Cpu();
        for (var i = 0; i < WarmRenders; i++)
            RenderOnce(parser, renderer, sample);
        var warm = Cpu();

        Console.WriteLine(string.Join(' ', new[] { atStart, built - atStart, warmedUp - built, first - warmedUp, (warm - first) / WarmRenders, firstWall }
            .Select(v => v.ToString("0.0", CultureInfo.InvariantCulture))));
        return 0;
    }

    // A published copy has templates/ beside it but no samples/: then the repository it is run from has them.
    private static string EnglishSample()
    {
        var fromHere = Path.GetFullPath(Path.Combine("samples", "middle-corridor", "middle-corridor.md"));
        return File.Exists(fromHere) ? fromHere : BenchmarkInputs.EnglishSample;
    }

    private static void RenderOnce(PerspectiveParser parser, PerspectivePreviewRenderer renderer, DraftSource sample)
    {
        // What RenderFunction does with a message: parse the stored draft, then render it (the PDF stays in memory).
        var parsed = parser.Parse(sample);
        if (parsed.Perspective is not { } perspective || parsed.HasErrors)
            throw new InvalidOperationException("The English sample did not parse: " + string.Join("; ", parsed.Diagnostics));
        var result = renderer.Render(perspective, sample.Assets, sample.FilePath, CancellationToken.None);
        if (result.HasErrors)
            throw new InvalidOperationException("The English sample did not render: " + string.Join("; ", result.Diagnostics));
    }

    private sealed record Figures(double Start, double Built, double WarmUp, double First, double Warm, double FirstWall);

    private static Figures? RunChild(string self, bool warmUp)
    {
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--cold-start-child");
        start.ArgumentList.Add(warmUp ? "warm-up" : "no-warm-up");
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        var errors = child.StandardError.ReadToEnd();
        child.WaitForExit();
        var numbers = output.Trim().Split(' ');
        if (child.ExitCode != 0 || numbers.Length != 6)
        {
            Console.Error.WriteLine($"The cold-start child failed (exit {child.ExitCode}): {output}{errors}");
            return null;
        }
        var v = numbers.Select(n => double.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        return new Figures(v[0], v[1], v[2], v[3], v[4], v[5]);
    }
}
