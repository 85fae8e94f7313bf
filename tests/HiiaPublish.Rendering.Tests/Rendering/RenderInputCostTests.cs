using System.Text;
using HiiaPublish.Format;
using HiiaPublish.Rendering.Tests.Samples;

namespace HiiaPublish.Rendering.Tests;

/// <summary>
/// Issue 15 on the render side: an image that changed after the check (cut short, scrambled) is the error HP0202, never
/// an exception of the PDF writer; and the largest shapes the check lets through render within their budget, counted
/// as bytes allocated on this thread (the render is single-threaded) rather than timed.
/// </summary>
public class RenderInputCostTests
{
    private const string FrontMatter = "---\ntitle: Cost\ndate: 2026-04-21\nauthors: [A. Author]\nabstract: An abstract.\n---\n\n## Section\n\n";

    private static Perspective Parse(string body, IDraftAssets assets)
    {
        var parsed = new PerspectiveParser().Parse(new DraftSource("draft.md", Encoding.UTF8.GetBytes(FrontMatter + body), assets));
        Assert.False(parsed.HasErrors, string.Join(Environment.NewLine, parsed.Diagnostics));
        return parsed.Perspective!;
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("scrambled")]
    [InlineData("huge")]
    public void AnImageChangedAfterTheCheck_IsHP0202_NotAnException(string change)
    {
        var good = TestPngs.Grey(40, 30, 0x80);
        var perspective = Parse("![A figure](figure.png)\n", new MemoryDraftAssets(new Dictionary<string, byte[]> { ["figure.png"] = good }));
        var changed = change switch
        {
            "cut" => good[..(good.Length - 20)],
            "scrambled" => good.Select((b, i) => i == good.Length - 30 ? (byte)(b ^ 0x5A) : b).ToArray(),
            _ => TestImages.PngHeaderOnly(100_000, 100_000),
        };

        var result = RenderedSample.Renderer.Render(perspective, new MemoryDraftAssets(new Dictionary<string, byte[]> { ["figure.png"] = changed }), "draft.md");

        Assert.Null(result.Pdf);
        Assert.Contains(result.Diagnostics, d => d.Code == RenderDiagnosticCatalog.UnreadableImage.Code);
    }

    [Theory]
    [InlineData("notes")]
    [InlineData("rows")]
    [InlineData("cells")]
    [InlineData("long words")]
    public void TheLargestFloodsTheCheckAccepts_Render_WithinTwoGigabytesAllocated(string flood)
    {
        var body = new StringBuilder();
        switch (flood)
        {
            case "notes":
                for (var i = 0; i < 1_000; i++) body.Append($"Claim {i}[^n{i}].\n\n");
                for (var i = 0; i < 1_000; i++) body.Append($"[^n{i}]: Note {i}, with a few words of source.\n\n");
                break;
            case "rows":
                body.Append("| A | B |\n|---|---|\n");
                for (var i = 0; i < 999; i++) body.Append($"| row {i} | value {i} |\n");
                break;
            case "cells":
                body.Append('|').Append(string.Concat(Enumerable.Repeat(" h |", 24))).Append("\n|").Append(string.Concat(Enumerable.Repeat("---|", 24))).Append('\n');
                for (var i = 0; i < 480; i++) body.Append('|').Append(string.Concat(Enumerable.Repeat(" cell |", 24))).Append('\n');
                break;
            default:
                for (var i = 0; i < 195; i++) body.Append(new string('x', 999)).Append(" \n\n");
                break;
        }
        var assets = new MemoryDraftAssets();
        var perspective = Parse(body.ToString(), assets);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = RenderedSample.Renderer.Render(perspective, assets, "draft.md");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.NotNull(result.Pdf);
        // Allocated in total (held at once is less; the peak resident size, measured, is in docs/performance.md).
        Assert.True(allocated < 2L * 1024 * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }
}
