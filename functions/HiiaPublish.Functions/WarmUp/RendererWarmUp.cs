using System.Diagnostics;
using HiiaPublish.Format;
using HiiaPublish.Rendering;
using HiiaPublish.Workflow;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HiiaPublish.Functions.WarmUp;

/// <summary>
/// Renders two small papers (English and Hungarian, a cover, a figure, a table, footnotes) when the worker starts,
/// with the very parser and renderer the queue functions use, so that the fonts and their subsets, both languages'
/// hyphenation patterns, the Scriban page templates, the branding, and the code behind them (Markdig, YamlDotNet,
/// PDFsharp and whatever ReadyToRun left to the JIT) are loaded before the first message is taken. The papers are
/// embedded in this assembly and never stored. A failed warm-up is logged and changes nothing else: the first real
/// render then simply pays the cost itself.
/// </summary>
public sealed class RendererWarmUp(PerspectiveParser parser, IPreviewRenderer renderer, ILogger<RendererWarmUp> logger) : BackgroundService
{
    /// <summary>The embedded drafts, by the path they are parsed as (the cover image sits beside them).</summary>
    public static readonly IReadOnlyList<string> Papers = ["warm-up-english.md", "warm-up-hungarian.md"];

    private const string ResourcePrefix = "HiiaPublish.Functions.WarmUp.";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Off the host's start-up thread: the worker connects to the Functions host while this renders.
        Task.Run(() => WarmUp(stoppingToken), stoppingToken);

    /// <summary>Renders every warm-up paper once; returns what each render gave (null where it threw).</summary>
    public IReadOnlyList<RenderResult?> WarmUp(CancellationToken cancellationToken = default)
    {
        var results = new List<RenderResult?>();
        var clock = Stopwatch.StartNew();
        foreach (var paper in Papers)
        {
            if (cancellationToken.IsCancellationRequested)
                break;
            results.Add(Render(paper, cancellationToken));
        }
        logger.LogInformation("Renderer warmed up in {ElapsedMilliseconds} ms: {Rendered} of {Papers} warm-up papers rendered.",
            clock.ElapsedMilliseconds, results.Count(r => r is { HasErrors: false }), Papers.Count);
        return results;
    }

    private RenderResult? Render(string paper, CancellationToken cancellationToken)
    {
        try
        {
            var assets = new EmbeddedAssets();
            var parsed = parser.Parse(new DraftSource(paper, assets.TryRead(paper)!, assets));
            if (parsed.Perspective is not { } perspective || parsed.HasErrors)
            {
                logger.LogWarning("Warm-up paper {Paper} did not parse: {Diagnostics}", paper, string.Join("; ", parsed.Diagnostics));
                return null;
            }
            var result = renderer.Render(perspective, assets, paper, cancellationToken);
            if (result.HasErrors)
                logger.LogWarning("Warm-up paper {Paper} did not render: {Diagnostics}", paper, string.Join("; ", result.Diagnostics));
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception exception)
        {
            // The worker must start regardless; a real render will meet (and report) the same problem.
            logger.LogWarning(exception, "Warm-up paper {Paper} could not be rendered.", paper);
            return null;
        }
    }

    /// <summary>The drafts and their image, as embedded resources named after the file.</summary>
    private sealed class EmbeddedAssets : IDraftAssets
    {
        public bool Exists(string relativePath) =>
            typeof(RendererWarmUp).Assembly.GetManifestResourceInfo(ResourcePrefix + relativePath) is not null;

        public byte[]? TryRead(string relativePath)
        {
            using var stream = Open(relativePath);
            if (stream is null)
                return null;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }

        private static Stream? Open(string relativePath) =>
            typeof(RendererWarmUp).Assembly.GetManifestResourceStream(ResourcePrefix + relativePath);
    }
}
