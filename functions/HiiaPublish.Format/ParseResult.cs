using HiiaPublish.Format.Diagnostics;

namespace HiiaPublish.Format;

/// <summary>The paper (null when there are errors) and every problem found, errors first, then by position.</summary>
public sealed record ParseResult(Perspective? Perspective, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
