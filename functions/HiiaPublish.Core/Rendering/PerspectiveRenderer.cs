using HiiaPublish.Core.Diagnostics;
using HiiaPublish.Core.Format;

namespace HiiaPublish.Core.Rendering;

/// <summary>
/// Turns a parsed perspective into PDF bytes in the house style. Built once (fonts, patterns and
/// templates loaded at construction) and shared; each call gets its own small context.
/// </summary>
public sealed class PerspectiveRenderer
{
    public RenderResult Render(Perspective perspective, IDraftAssets assets, string sourceFile, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("issue 3: rendering");
}

/// <summary>The PDF (null when errors stopped the render), its page count, and the warnings and errors met.</summary>
public sealed record RenderResult(byte[]? Pdf, int PageCount, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Pdf is null || Diagnostics.Any(d => d.Severity == Severity.Error);
}
