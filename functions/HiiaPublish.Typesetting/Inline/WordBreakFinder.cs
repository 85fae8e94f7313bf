using HiiaPublish.Typesetting.Hyphenation;
using HiiaPublish.Typesetting.Model;

namespace HiiaPublish.Typesetting.Inline;

/// <summary>
/// Finds where a word may break, as offsets into the word's text: hyphenation points of its letter runs,
/// after explicit dashes, and after the separators of a URL. A break at offset k splits text[..k] | text[k..].
/// </summary>
internal sealed class WordBreakFinder(IHyphenator hyphenator)
{
    public void Find(ReadOnlySpan<char> text, List<WordPiece> pieces, bool hyphenate, List<(int Offset, BreakKind Kind)> breaks)
    {
        breaks.Clear();
        var offset = 0;
        var letterRunStart = -1;
        foreach (var piece in pieces)
        {
            for (var k = offset; k < offset + piece.Length; k++)
            {
                var c = text[k];
                var isProseLetter = piece.Kind == TextKind.Prose && piece.Mark is null && char.IsLetter(c);
                if (isProseLetter)
                {
                    if (letterRunStart < 0)
                        letterRunStart = k;
                    continue;
                }
                EndLetterRun(text, ref letterRunStart, k, hyphenate, breaks);
                if (k + 1 >= text.Length || piece.Mark is not null)
                    continue;
                if (piece.Kind == TextKind.Prose && IsDash(c) && k > 0 && !IsDash(text[k + 1]))
                    breaks.Add((k + 1, BreakKind.ExplicitDash));
                else if (piece.Kind == TextKind.Url && IsUrlSeparator(c) && !IsUrlSeparator(text[k + 1]) && k + 1 < offset + piece.Length)
                    breaks.Add((k + 1, BreakKind.Url));
            }
            // A letter run ends where the run's kind changes (a URL or a note mark follows the word).
            if (piece.Kind != TextKind.Prose || piece.Mark is not null)
                EndLetterRun(text, ref letterRunStart, offset + piece.Length, hyphenate, breaks);
            offset += piece.Length;
        }
        EndLetterRun(text, ref letterRunStart, text.Length, hyphenate, breaks);
        breaks.Sort((a, b) => a.Offset.CompareTo(b.Offset));
    }

    // '-' and the en and em dashes: "Sino-Pakistani", "1990–2001", "outlook—absent".
    private static bool IsDash(char c) => c is '-' or '\u2013' or '\u2014';

    private static bool IsUrlSeparator(char c) => c is '/' or '.' or '-' or '?' or '&' or '=' or '_' or '#';

    private void EndLetterRun(ReadOnlySpan<char> text, ref int start, int end, bool hyphenate, List<(int, BreakKind)> breaks)
    {
        if (start < 0)
            return;
        var run = text[start..end];
        var runStart = start;
        start = -1;
        // All-capital words are acronyms or set in capitals for display; splitting them reads badly.
        // Below four letters no pattern file can break (its two minimums are at least 2 + 2).
        if (!hyphenate || run.Length < 4 || IsAllUpper(run))
            return;
        foreach (var point in hyphenator.HyphenationPoints(new string(run)))
        {
            if (point > 0 && point < run.Length)
                breaks.Add((runStart + point, BreakKind.Hyphen));
        }
    }

    private static bool IsAllUpper(ReadOnlySpan<char> run)
    {
        foreach (var c in run)
        {
            if (!char.IsUpper(c))
                return false;
        }
        return true;
    }
}
