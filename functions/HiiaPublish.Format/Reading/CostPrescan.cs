using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;

namespace HiiaPublish.Format.Reading;

/// <summary>
/// One linear pass over the decoded text before YAML or Markdig sees it, refusing the shapes whose cost grows faster
/// than their size: the size limit alone does not bound the work. Markdig 0.x rescans a paragraph to its end for every
/// link destination left open ("[a](" with no ")"), so a few hundred KB of them take minutes; it also keeps every
/// unclosed "[" as a possible link opener. Very many lines, very long words and noncharacters cost the typesetter and
/// the site, not the parser, but are just as cheap to find here. Each shape is reported once, where it starts.
/// </summary>
internal static class CostPrescan
{
    /// <summary>False when a shape was refused (reported); the text must then not be parsed further.</summary>
    public static bool Accepts(SourceText source, int bodyStart, PerspectiveParserOptions options, DiagnosticBag diagnostics)
    {
        var before = diagnostics.ErrorCount;
        if (source.LineCount > options.MaxLines)
            diagnostics.Report(DiagnosticCatalog.TooManyLines, new SourcePosition(options.MaxLines + 1, 1), source.LineCount, options.MaxLines);
        else
        {
            Scan(source, bodyStart, options, diagnostics);
            ScanBlocks(source, bodyStart, options, diagnostics);
            CountWordsAndDelimiters(source, bodyStart, options, diagnostics);
        }
        return diagnostics.ErrorCount == before;
    }

    /// <summary>
    /// Line by line through the body, the two block shapes the red-team rerun found past the bounds: one paragraph of
    /// megabytes (HP0090: the typesetter breaks it into lines as a whole), and quotes or lists nested hundreds deep
    /// (HP0040, which Markdig finds only after seconds of building the containers). A paragraph here is a run of lines
    /// that continue one another: a blank line, a heading, a list item, a note, a table row or a fence starts another,
    /// and quote markers are looked through, since a quote's lines make one paragraph too.
    /// </summary>
    private static void ScanBlocks(SourceText source, int bodyStart, PerspectiveParserOptions options, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        var paragraphStart = -1;
        bool longParagraph = false, deepNesting = false;
        for (var lineStart = bodyStart; lineStart < text.Length && !(longParagraph && deepNesting);)
        {
            var lineEnd = text.IndexOfAny(['\n', '\r'], lineStart);
            if (lineEnd < 0) lineEnd = text.Length;

            var at = lineStart;
            int quotes = 0, markers = 0, indent = 0;
            while (at < lineEnd)
            {
                var c = text[at];
                if (c == ' ') { indent++; at++; }
                else if (c == '\t') { indent += 4; at++; }
                else if (c == '>') { quotes++; at++; }
                else if (c is '-' or '*' or '+' && at + 1 < lineEnd && text[at + 1] is ' ' or '\t') { markers++; at += 2; }
                else if (char.IsAsciiDigit(c) && OrderedMarkerEnd(text, at, lineEnd) is > 0 and var end) { markers++; at = end; }
                else break;
            }
            // Only nesting far past the limit is refused here, at Markdig's own limit (MarkdownReader: four times ours, as
            // Markdig counts a list and its item as two); just past it the converter names the exact line and column.
            // Nested items are indented two to four columns a level.
            if (!deepNesting && quotes + markers + indent / 2 > 4 * options.MaxNestingDepth)
            {
                deepNesting = true;
                diagnostics.Report(DiagnosticCatalog.NestingTooDeep, source.PositionOf(lineStart), options.MaxNestingDepth);
            }

            var rest = text.AsSpan(at, lineEnd - at);
            var startsBlock = markers > 0 || rest.IsWhiteSpace() || rest[0] is '#' or '|' || rest.StartsWith("[^") ||
                rest.StartsWith("```") || rest.StartsWith("~~~") || rest.Contains('|');
            if (startsBlock) paragraphStart = rest.IsWhiteSpace() ? -1 : lineStart;
            else if (paragraphStart < 0) paragraphStart = lineStart;
            if (!longParagraph && paragraphStart >= 0 && lineEnd - paragraphStart > options.MaxParagraphCharacters)
            {
                longParagraph = true;
                diagnostics.Report(DiagnosticCatalog.ParagraphTooLong, source.PositionOf(paragraphStart),
                    ParagraphLength(text, paragraphStart), options.MaxParagraphCharacters);
            }

            lineStart = lineEnd + (lineEnd + 1 < text.Length && text[lineEnd] == '\r' && text[lineEnd + 1] == '\n' ? 2 : 1);
        }
    }

    /// <summary>
    /// Words (runs of non-space) and runs of '*' or '_' in the body, the two counts whose cost the size limit does not
    /// bound when they are short (HP0091, HP0092); each reported once, where its limit is passed, with the whole count.
    /// </summary>
    private static void CountWordsAndDelimiters(SourceText source, int bodyStart, PerspectiveParserOptions options, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        int words = 0, delimiters = 0, wordsPassedAt = -1, delimitersPassedAt = -1;
        var inWord = false;
        for (var i = bodyStart; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { inWord = false; continue; }
            if (!inWord && ++words == options.MaxWords + 1) wordsPassedAt = i;
            inWord = true;
            if (c == '\\') { i++; continue; } // an escaped star or underscore is text
            if (c is '*' or '_' && (i == bodyStart || text[i - 1] != c) && ++delimiters == options.MaxEmphasisDelimiters + 1) delimitersPassedAt = i;
        }
        if (wordsPassedAt >= 0) diagnostics.Report(DiagnosticCatalog.TooManyWords, source.PositionOf(wordsPassedAt), words, options.MaxWords);
        if (delimitersPassedAt >= 0)
            diagnostics.Report(DiagnosticCatalog.TooManyEmphasisDelimiters, source.PositionOf(delimitersPassedAt), delimiters, options.MaxEmphasisDelimiters);
    }

    // "12. " or "3) ": the offset after the marker and its space, or 0 when the digits start no ordered list item.
    private static int OrderedMarkerEnd(string text, int at, int lineEnd)
    {
        var end = at;
        while (end < lineEnd && end - at < 10 && char.IsAsciiDigit(text[end])) end++;
        return end + 1 < lineEnd && text[end] is '.' or ')' && text[end + 1] is ' ' or '\t' ? end + 2 : 0;
    }

    // The whole paragraph's length, for the message: to the first blank line (a quote's "> " lines end it too).
    private static int ParagraphLength(string text, int start)
    {
        var at = start;
        while (at < text.Length)
        {
            var lineEnd = text.IndexOf('\n', at);
            if (lineEnd < 0) return text.Length - start;
            var next = lineEnd + 1;
            var blank = text.AsSpan(next, (text.IndexOf('\n', next) is var e and >= 0 ? e : text.Length) - next).Trim(" \t\r>").IsEmpty;
            if (blank) return lineEnd - start;
            at = next;
        }
        return text.Length - start;
    }

    private static void Scan(SourceText source, int bodyStart, PerspectiveParserOptions options, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        bool noncharacter = false, longWord = false, costlyLinks = false, openBrackets = false;

        var wordStart = 0;
        var paragraphStart = 0;
        var lineHasText = false;
        // Open link destinations ("](" not yet followed by ")") in the current paragraph: how many, and the sum of their
        // offsets, so the characters Markdig scans for them all (to the ")" or the paragraph's end) add up in O(1).
        long pendingLinks = 0, pendingOffsets = 0, linkScanCost = 0;
        var firstCostlyParagraph = -1;
        var bracketDepth = 0;
        var escaped = false;
        int footnoteReferences = 0, imageReferences = 0;
        // Markdig builds a pipe table's rows and cells before anything can count them (49,000 rows: 430 MB), so rows
        // (lines with a '|' in one paragraph) and cells ('|' separated parts) are counted here.
        int pipeLines = 0, pipesOnLine = 0;
        long tableCells = 0;
        bool manyRows = false, manyCells = false, manyLongWords = false;
        long longWordCharacters = 0;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue; // "\r\n" ends one line, at its '\n'
            if (c is '\n' or '\r')
            {
                EndLine();
                if (!lineHasText) EndParagraph(i);
                lineHasText = escaped = false;
                wordStart = i + 1;
                continue;
            }
            if (!char.IsWhiteSpace(c)) lineHasText = true;
            else wordStart = i + 1;

            // Each character past the long-word length counts (and the ones before it, once the word gets there).
            var wordLength = i - wordStart + 1;
            if (!char.IsWhiteSpace(c) && wordLength >= options.LongWordLength && !manyLongWords)
            {
                longWordCharacters += wordLength == options.LongWordLength ? wordLength : 1;
                if (longWordCharacters > options.MaxLongWordCharacters)
                {
                    manyLongWords = true;
                    diagnostics.Report(DiagnosticCatalog.TooManyLongWords, source.PositionOf(wordStart), options.LongWordLength, CountLongWordCharacters(text, options.LongWordLength), options.MaxLongWordCharacters);
                }
            }
            if (!longWord && i - wordStart + 1 > options.MaxWordLength)
            {
                longWord = true;
                diagnostics.Report(DiagnosticCatalog.WordTooLong, source.PositionOf(wordStart), options.MaxWordLength);
            }

            if (!noncharacter && IsNoncharacterAt(text, i, out var codePoint))
            {
                noncharacter = true;
                diagnostics.Report(DiagnosticCatalog.Noncharacter, source.PositionOf(i), codePoint);
            }

            // The front matter is YAML, with limits of its own (HP0005, HP0010); Markdig reads only the body.
            if (i < bodyStart) continue;
            // An escaped bracket or parenthesis opens and closes nothing.
            if (escaped)
            {
                escaped = false;
                continue;
            }
            switch (c)
            {
                case '\\':
                    escaped = true;
                    break;
                case '[':
                    if (i + 1 < text.Length && text[i + 1] == '^' && ++footnoteReferences == options.MaxFootnoteReferences + 1)
                        diagnostics.Report(DiagnosticCatalog.TooManyFootnoteReferences, source.PositionOf(i), CountOf(text, "[^"), options.MaxFootnoteReferences);
                    if (i > 0 && text[i - 1] == '!' && ++imageReferences == options.MaxImageReferences + 1)
                        diagnostics.Report(DiagnosticCatalog.TooManyImageReferences, source.PositionOf(i - 1), CountOf(text, "!["), options.MaxImageReferences);
                    if (++bracketDepth > options.MaxOpenBrackets && !openBrackets)
                    {
                        openBrackets = true;
                        diagnostics.Report(DiagnosticCatalog.TooManyOpenBrackets, source.PositionOf(paragraphStart), options.MaxOpenBrackets);
                    }
                    break;
                case ']':
                    if (bracketDepth > 0) bracketDepth--;
                    if (i + 1 < text.Length && text[i + 1] == '(')
                    {
                        pendingLinks++;
                        pendingOffsets += i;
                    }
                    break;
                case ')':
                    CloseLinks(i);
                    break;
                case '|':
                    pipesOnLine++;
                    break;
            }
        }
        EndLine();
        EndParagraph(text.Length);

        if (firstCostlyParagraph >= 0)
            diagnostics.Report(DiagnosticCatalog.OpenLinksTooCostly, source.PositionOf(firstCostlyParagraph), linkScanCost, options.MaxLinkScanCost);

        void CloseLinks(int at)
        {
            linkScanCost += pendingLinks * at - pendingOffsets;
            pendingLinks = pendingOffsets = 0;
            if (!costlyLinks && linkScanCost > options.MaxLinkScanCost)
            {
                costlyLinks = true;
                firstCostlyParagraph = paragraphStart;
            }
        }

        void EndLine()
        {
            if (pipesOnLine == 0) return;
            pipeLines++;
            tableCells += Math.Max(1, pipesOnLine - 1);
            pipesOnLine = 0;
            if (!manyCells && tableCells > options.MaxTableCells)
            {
                manyCells = true;
                diagnostics.Report(DiagnosticCatalog.TablesTooManyCells, source.PositionOf(paragraphStart), tableCells, options.MaxTableCells);
            }
        }

        void EndParagraph(int at)
        {
            // A table's rows are its lines but the delimiter row under the header.
            if (!manyRows && pipeLines - 1 > options.MaxTableRows)
            {
                manyRows = true;
                diagnostics.Report(DiagnosticCatalog.TableTooManyRows, source.PositionOf(paragraphStart), pipeLines - 1, options.MaxTableRows);
            }
            pipeLines = 0;
            CloseLinks(at);
            bracketDepth = 0;
            paragraphStart = Math.Min(at + 1, text.Length);
        }
    }

    private static long CountLongWordCharacters(string text, int longWordLength)
    {
        long total = 0;
        var run = 0;
        foreach (var c in text.Append(' '))
        {
            if (!char.IsWhiteSpace(c)) { run++; continue; }
            if (run >= longWordLength) total += run;
            run = 0;
        }
        return total;
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>U+FFFE, U+FFFF, U+FDD0–U+FDEF and their kin in every plane: code points that are no character at all.</summary>
    private static bool IsNoncharacterAt(string text, int i, out int codePoint)
    {
        codePoint = text[i];
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
        return (codePoint & 0xFFFE) == 0xFFFE || codePoint is >= 0xFDD0 and <= 0xFDEF;
    }
}
