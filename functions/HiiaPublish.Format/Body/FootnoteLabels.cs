using MarkdigFootnote = Markdig.Extensions.Footnotes.Footnote;

namespace HiiaPublish.Format.Body;

internal static class FootnoteLabels
{
    /// <summary>The label as the editor wrote it between "[^" and "]" (Markdig keeps the caret).</summary>
    public static string Of(MarkdigFootnote footnote) => (footnote.Label ?? "").TrimStart('^');

    public static string OfDefinition(string? label) => (label ?? "").TrimStart('^');
}
