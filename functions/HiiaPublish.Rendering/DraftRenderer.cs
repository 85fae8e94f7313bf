using HiiaPublish.Format;

namespace HiiaPublish.Rendering;

/// <summary>
/// The one way from a draft to its PDF: parse, and only when the draft has no errors, typeset. `hiia render`,
/// `hiia publish` and the workflow's render handler all go through it, so they agree on what stops a render.
/// Built once (the parser and renderer it is given are the expensive, shared parts); each call is independent.
/// </summary>
/// <remarks>
/// Problems in the draft come back as diagnostics, never as exceptions. An exception means a bug or broken
/// infrastructure and passes through unchanged, so each host can do what suits it: the queue retries and then
/// records it, the command line reports it against the draft and goes on with the next one. Cancellation is
/// checked before each stage and handed to the typesetter.
/// </remarks>
public sealed class DraftRenderer
{
    private readonly Func<DraftSource, ParseResult> _parse;
    private readonly Func<Perspective, IDraftAssets, string, CancellationToken, RenderResult> _render;

    public DraftRenderer(PerspectiveParser parser, PerspectiveRenderer renderer)
        : this(parser.Parse, renderer.Render)
    {
    }

    /// <summary>For hosts that put a stand-in behind either stage (tests, a workflow's preview port).</summary>
    public DraftRenderer(Func<DraftSource, ParseResult> parse, Func<Perspective, IDraftAssets, string, CancellationToken, RenderResult> render)
    {
        _parse = parse;
        _render = render;
    }

    public DraftRenderResult Render(DraftSource draft, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var parsed = _parse(draft);
        // A draft with errors has no perspective (ParseResult's contract); both are checked so a stand-in parser
        // that breaks the contract still cannot get an erroneous draft typeset.
        if (parsed.HasErrors || parsed.Perspective is null)
            return new DraftRenderResult(parsed, null);

        cancellationToken.ThrowIfCancellationRequested();
        return new DraftRenderResult(parsed, _render(parsed.Perspective, draft.Assets, draft.FilePath, cancellationToken));
    }
}
