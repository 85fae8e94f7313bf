using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Format;

namespace HiiaPublish.Rendering;

/// <summary>The small, fresh state of one render: where problems are reported and ids handed out.</summary>
internal sealed class RenderContext(string sourceFile, IDraftAssets assets)
{
    private int _nextStructureId = 1;

    public string SourceFile { get; } = sourceFile;
    public IDraftAssets Assets { get; } = assets;
    public List<Diagnostic> Diagnostics { get; } = [];

    public int NextStructureId() => _nextStructureId++;

    /// <summary>Reports a problem at a source line (1 when the text was generated, not written by the author).</summary>
    public void Report(DiagnosticDescriptor descriptor, int line, params object?[] arguments) =>
        Diagnostics.Add(descriptor.At(SourceFile, Math.Max(line, 1), 1, arguments));
}
