using HiiaPublish.Format;
using HiiaPublish.Rendering;

namespace HiiaPublish.Workflow;

/// <summary>
/// Typesets a parsed paper into its preview PDF; an interface so tests can make rendering fail on purpose. The
/// workflow runs it as the second stage of its <see cref="DraftRenderer"/>, only for a draft without errors.
/// </summary>
public interface IPreviewRenderer
{
    RenderResult Render(Perspective perspective, IDraftAssets assets, string sourceFile, CancellationToken cancellationToken);
}

/// <summary>The house-style renderer, built once per process.</summary>
public sealed class PerspectivePreviewRenderer(PerspectiveRenderer renderer) : IPreviewRenderer
{
    public RenderResult Render(Perspective perspective, IDraftAssets assets, string sourceFile, CancellationToken cancellationToken) =>
        renderer.Render(perspective, assets, sourceFile, cancellationToken);
}
