using HiiaPublish.Format;
using HiiaPublish.Format.Diagnostics;

namespace HiiaPublish.Rendering;

/// <summary>
/// What <see cref="DraftRenderer"/> found: the parse, the render when the parse allowed one, and the PDF only
/// when neither stage reported an error.
/// </summary>
public sealed class DraftRenderResult
{
    internal DraftRenderResult(ParseResult parsed, RenderResult? rendered)
    {
        Parsed = parsed;
        Rendered = rendered;
        Diagnostics = rendered is null ? parsed.Diagnostics : [.. parsed.Diagnostics, .. rendered.Diagnostics];
    }

    public ParseResult Parsed { get; }

    /// <summary>Null when errors in the draft stopped it before typesetting.</summary>
    public RenderResult? Rendered { get; }

    public Perspective? Perspective => Parsed.Perspective;

    /// <summary>Every problem met, the parser's first and then the renderer's, each in the order its stage gave them.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Rendered is null || Rendered.HasErrors;

    /// <summary>Null whenever there are errors, so no caller can publish or preview a PDF that a problem stopped.</summary>
    public byte[]? Pdf => HasErrors ? null : Rendered!.Pdf;

    public int PageCount => HasErrors ? 0 : Rendered!.PageCount;
}
