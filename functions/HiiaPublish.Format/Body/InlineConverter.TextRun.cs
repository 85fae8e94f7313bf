using System.Text;
using System.Text.RegularExpressions;
using HiiaPublish.Format.Diagnostics;
using Markdig.Syntax;
using ModelInline = HiiaPublish.Format.Inline;

namespace HiiaPublish.Format.Body;

// Runs of plain text: Markdig splits text into several literals ("[" apart from "^x]"), so they are
// joined before looking for footnote references Markdig could not resolve, then typeset as one Text.
internal sealed partial class InlineConverter
{
    private sealed class TextRun
    {
        public List<(string Text, MarkdownObject Source, bool Typographic)> Pieces { get; } = [];

        public void Add(string text, MarkdownObject source, bool typographic) => Pieces.Add((text, source, typographic));
    }

    private void Flush(TextRun run, List<ModelInline> output)
    {
        if (run.Pieces.Count == 0) return;
        ReportUnresolvedFootnotes(run);

        var text = new StringBuilder();
        foreach (var (piece, _, typographic) in run.Pieces)
        {
            if (typographic) text.Append(_typographer.Apply(piece, ref _previous));
            else
            {
                text.Append(piece);
                if (piece.Length > 0) _previous = piece[^1];
            }
        }
        run.Pieces.Clear();
        if (text.Length > 0) output.Add(new Text(text.ToString()));
    }

    // Markdig leaves a reference to an undefined footnote as the literal text "[^label]".
    private void ReportUnresolvedFootnotes(TextRun run)
    {
        // Without a '[' in any piece there is no reference to find, and nothing to join (most runs of prose).
        if (!run.Pieces.Exists(piece => piece.Text.Contains('['))) return;
        var joined = new StringBuilder();
        var starts = new List<int>();
        foreach (var (piece, _, _) in run.Pieces)
        {
            starts.Add(joined.Length);
            joined.Append(piece);
        }

        foreach (Match match in UnresolvedFootnotePattern().Matches(joined.ToString()))
        {
            var pieceIndex = starts.FindLastIndex(start => start <= match.Index);
            var at = _locate(run.Pieces[Math.Max(pieceIndex, 0)].Source);
            if (_mode == InlineMode.Abstract)
                _diagnostics.Report(DiagnosticCatalog.AbstractContent, at, "footnote reference");
            else
                _diagnostics.Report(DiagnosticCatalog.FootnoteUndefined, at, match.Groups["label"].Value);
        }
    }

    [GeneratedRegex(@"\[\^(?<label>[^\[\]\s]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex UnresolvedFootnotePattern();
}
