using HiiaPublish.Core.Diagnostics;

namespace HiiaPublish.Core.Format;

/// <summary>
/// Reads one draft (Markdown with YAML front matter) into a <see cref="Perspective"/>. Built once and
/// shared: the Markdig pipeline inside is immutable. Never throws on user input: every problem is a
/// diagnostic, all of them reported together.
/// </summary>
public sealed class PerspectiveParser
{
    public PerspectiveParser(PerspectiveParserOptions? options = null) => Options = options ?? new PerspectiveParserOptions();

    public PerspectiveParserOptions Options { get; }

    public ParseResult Parse(DraftSource source) => throw new NotImplementedException("issue 2: the parser");
}

public sealed record PerspectiveParserOptions
{
    /// <summary>Largest draft accepted, in bytes (2 MB by default).</summary>
    public long MaxFileBytes { get; init; } = 2 * 1024 * 1024;
    /// <summary>Deepest nesting of quotes and lists accepted in the body.</summary>
    public int MaxNestingDepth { get; init; } = 16;
    /// <summary>Series name used when the front matter names none.</summary>
    public string DefaultSeries { get; init; } = "HIIA Perspective";
}

/// <summary>A draft as uploaded: its display path, raw bytes, and the files beside it (images).</summary>
public sealed record DraftSource(string FilePath, byte[] Content, IDraftAssets Assets);

public sealed record ParseResult(Perspective? Perspective, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
