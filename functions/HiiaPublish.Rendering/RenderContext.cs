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

    public void Error(int line, string code, string message) =>
        Diagnostics.Add(new Diagnostic(SourceFile, Math.Max(line, 1), 1, code, Severity.Error, message));

    public void Warning(int line, string code, string message) =>
        Diagnostics.Add(new Diagnostic(SourceFile, Math.Max(line, 1), 1, code, Severity.Warning, message));
}

/// <summary>Codes of problems found while rendering (the parser's are HP00xx–HP01xx).</summary>
public static class RenderCodes
{
    /// <summary>A character no bundled font can draw.</summary>
    public const string MissingGlyph = "HP0201";
    /// <summary>An image file that is not a readable PNG or JPEG.</summary>
    public const string UnreadableImage = "HP0202";
    /// <summary>Something the typesetter had to bend: a word wider than the line, an image shrunk hard.</summary>
    public const string LayoutCompromise = "HP0203";
}
