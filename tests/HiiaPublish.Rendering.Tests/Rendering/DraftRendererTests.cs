using System.Text;
using HiiaPublish.Format;
using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Rendering.Tests.Samples;

namespace HiiaPublish.Rendering.Tests;

/// <summary>
/// The one parse-then-render path of `hiia render`, `hiia publish` and the workflow: what stops a render, the order
/// of what it reports, and what it does with a fault or a cancellation. Most tests put stand-ins behind both stages.
/// </summary>
public class DraftRendererTests
{
    private static readonly DraftSource Draft = new("paper.md", Encoding.UTF8.GetBytes("stand-in parsers never read this"), MemoryDraftAssets.None);
    private static readonly Perspective Paper = new PerspectiveParser().Parse(new DraftSource("paper.md",
        Encoding.UTF8.GetBytes("---\ntitle: A Paper\ndate: 2026-04-21\nauthors: [Anna Kovács]\nabstract: Short.\n---\n\n## One\n\nText.\n"),
        MemoryDraftAssets.None)).Perspective!;
    private static readonly byte[] FakePdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n");

    private static Diagnostic Problem(int line, string code, Severity severity) =>
        new("paper.md", line, 1, code, severity, $"{code} on line {line}.");

    private static Func<Perspective, IDraftAssets, string, CancellationToken, RenderResult> NeverRender =>
        (_, _, _, _) => throw new InvalidOperationException("must not typeset");

    [Fact]
    public void ADraftWithErrors_IsNeverTypeset_AndReportsTheParsersProblems()
    {
        var error = Problem(3, "HP0012", Severity.Error);
        // The stand-in breaks ParseResult's contract (a paper despite an error): the errors alone must stop it.
        var drafts = new DraftRenderer(_ => new ParseResult(Paper, [error]), NeverRender);

        var result = drafts.Render(Draft);

        Assert.True(result.HasErrors);
        Assert.Null(result.Rendered);
        Assert.Null(result.Pdf);
        Assert.Equal(0, result.PageCount);
        Assert.Equal([error], result.Diagnostics);
    }

    [Fact]
    public void ACleanDraft_IsTypeset_AndReportsTheParserFirst_EachStageInItsOwnOrder()
    {
        var parseWarnings = new[] { Problem(9, "HP0101", Severity.Warning), Problem(4, "HP0102", Severity.Warning) };
        var renderWarning = Problem(2, RenderDiagnosticCatalog.LayoutCompromise.Code, Severity.Warning);
        string? typesetFile = null;
        var drafts = new DraftRenderer(_ => new ParseResult(Paper, parseWarnings), (paper, assets, file, _) =>
        {
            Assert.Same(Paper, paper);
            Assert.Same(Draft.Assets, assets);
            typesetFile = file;
            return new RenderResult(FakePdf, 3, [renderWarning]);
        });

        var result = drafts.Render(Draft);

        Assert.False(result.HasErrors);
        Assert.Equal("paper.md", typesetFile);
        Assert.Same(Paper, result.Perspective);
        Assert.Same(FakePdf, result.Pdf);
        Assert.Equal(3, result.PageCount);
        Assert.Equal([parseWarnings[0], parseWarnings[1], renderWarning], result.Diagnostics);
    }

    [Fact]
    public void AnErrorWhileTypesetting_WithholdsThePdf_EvenWhenTheRendererReturnedOne()
    {
        var error = Problem(7, RenderDiagnosticCatalog.UnreadableImage.Code, Severity.Error);
        var drafts = new DraftRenderer(_ => new ParseResult(Paper, []), (_, _, _, _) => new RenderResult(FakePdf, 3, [error]));

        var result = drafts.Render(Draft);

        Assert.True(result.HasErrors);
        Assert.NotNull(result.Rendered);
        Assert.Null(result.Pdf);
        Assert.Equal(0, result.PageCount);
        Assert.Equal([error], result.Diagnostics);
    }

    [Fact]
    public void AFaultWhileTypesetting_PassesThroughUnchanged_SoTheHostCanRetryOrReportIt()
    {
        var fault = new IOException("disk on fire");
        var drafts = new DraftRenderer(_ => new ParseResult(Paper, []), (_, _, _, _) => throw fault);

        Assert.Same(fault, Assert.Throws<IOException>(() => drafts.Render(Draft)));
    }

    [Fact]
    public void ACancelledRender_StopsBeforeParsing()
    {
        var parsed = false;
        var drafts = new DraftRenderer(_ => { parsed = true; return new ParseResult(Paper, []); }, NeverRender);

        Assert.ThrowsAny<OperationCanceledException>(() => drafts.Render(Draft, new CancellationToken(canceled: true)));
        Assert.False(parsed);
    }

    [Fact]
    public void ARenderCancelledWhileParsing_IsNeverTypeset_AndTheTypesetterGetsTheToken()
    {
        using var cancel = new CancellationTokenSource();
        var drafts = new DraftRenderer(_ => { cancel.Cancel(); return new ParseResult(Paper, []); }, NeverRender);
        Assert.ThrowsAny<OperationCanceledException>(() => drafts.Render(Draft, cancel.Token));

        using var live = new CancellationTokenSource();
        CancellationToken seen = default;
        new DraftRenderer(_ => new ParseResult(Paper, []), (_, _, _, token) => { seen = token; return new RenderResult(FakePdf, 1, []); })
            .Render(Draft, live.Token);
        Assert.Equal(live.Token, seen);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ASample_ThroughTheRealParserAndRenderer_GivesTheBytesOfRenderingItByHand(string name)
    {
        var file = RenderedSample.SampleFile(name);
        var draft = new DraftSource(Path.GetFileName(file), File.ReadAllBytes(file), new FolderDraftAssets(Path.GetDirectoryName(file)!));

        var result = new DraftRenderer(new PerspectiveParser(), RenderedSample.Renderer).Render(draft);

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(RenderedSample.Get(name).Pdf, result.Pdf);
        Assert.Equal(RenderedSample.Get(name).Result.PageCount, result.PageCount);
    }

    [Fact]
    public void ARealDraftWithoutFrontMatter_IsReportedAsTheCheckerReportsIt_AndNotTypeset()
    {
        var draft = new DraftSource("bad.md", Encoding.UTF8.GetBytes("no front matter here\n"), MemoryDraftAssets.None);
        var parsed = new PerspectiveParser().Parse(draft);

        var result = new DraftRenderer(new PerspectiveParser(), RenderedSample.Renderer).Render(draft);

        Assert.Null(result.Pdf);
        Assert.Equal(parsed.Diagnostics, result.Diagnostics);
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error);
    }

    public static TheoryData<string> Samples() => new(RenderedSample.Names);
}
