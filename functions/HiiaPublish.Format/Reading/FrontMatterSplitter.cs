using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;

namespace HiiaPublish.Format.Reading;

/// <summary>Where the front matter's YAML lies (character offsets) and where the body starts.</summary>
internal sealed record FrontMatterSection(int YamlStart, int YamlEnd, int BodyStart);

/// <summary>What the first lines held: a front matter, none at all, or one that was opened and never closed.</summary>
internal enum FrontMatterState { Found, Missing, Unclosed }

/// <summary>
/// Finds the front matter between a first line '---' and the next line '---' or '...'. Done by hand
/// rather than by Markdig's extension, which misses an empty front matter and cannot say where an
/// unclosed one began.
/// </summary>
internal static class FrontMatterSplitter
{
    /// <summary>The section when found; otherwise null, with a diagnostic and the state saying why.</summary>
    public static FrontMatterSection? Split(SourceText source, DiagnosticBag diagnostics, out FrontMatterState state)
    {
        state = FrontMatterState.Found;
        if (!IsFence(source.LineText(1), allowDots: false))
        {
            diagnostics.Report(DiagnosticCatalog.MissingFrontMatter, SourcePosition.Start);
            state = FrontMatterState.Missing;
            return null;
        }

        for (var line = 2; line <= source.LineCount; line++)
        {
            if (!IsFence(source.LineText(line), allowDots: true)) continue;
            var bodyStart = line < source.LineCount ? source.LineStart(line + 1) : source.Text.Length;
            return new FrontMatterSection(source.LineStart(2), source.LineStart(line), bodyStart);
        }

        diagnostics.Report(DiagnosticCatalog.UnclosedFrontMatter, SourcePosition.Start);
        state = FrontMatterState.Unclosed;
        return null;
    }

    private static bool IsFence(string line, bool allowDots)
    {
        var trimmed = line.TrimEnd(' ', '\t');
        return trimmed == "---" || (allowDots && trimmed == "...");
    }
}
