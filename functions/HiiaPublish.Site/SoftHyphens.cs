using System.Text;
using HiiaPublish.Typesetting.Hyphenation;

namespace HiiaPublish.Site;

/// <summary>
/// Puts soft hyphens (U+00AD) into HTML we generated, where the PDF's Liang patterns allow a break, so justified
/// text breaks words the same way in every browser (Chromium cannot hyphenate Hungarian at all). Follows the
/// typesetter's rule: only runs of letters of at least four, never all-capital words (acronyms), never inside
/// addresses (anything with "://", "www.", "@" or a dot between letters), code, tags, attributes or entities.
/// </summary>
public static class SoftHyphens
{
    public const char SoftHyphen = '\u00AD';
    private const int MinimumRun = 4;
    // Headings are set ragged and never hyphenated, in the PDF as here.
    private static readonly string[] UntouchedElements = ["code", "pre", "script", "style", "kbd", "samp", "h1", "h2", "h3", "h4", "h5", "h6"];

    public static string Insert(string html, IHyphenator hyphenator)
    {
        var result = new StringBuilder(html.Length + html.Length / 8);
        var untouchedDepth = 0;
        var i = 0;
        while (i < html.Length)
        {
            if (html[i] == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0) end = html.Length - 1;
                var tag = html.AsSpan(i, end - i + 1);
                untouchedDepth = Math.Max(0, untouchedDepth + UntouchedChange(tag));
                result.Append(tag);
                i = end + 1;
                continue;
            }
            var next = html.IndexOf('<', i);
            if (next < 0) next = html.Length;
            var text = html.AsSpan(i, next - i);
            if (untouchedDepth > 0) result.Append(text);
            else AppendText(result, text, hyphenator);
            i = next;
        }
        return result.ToString();
    }

    private static int UntouchedChange(ReadOnlySpan<char> tag)
    {
        var closing = tag.Length > 1 && tag[1] == '/';
        var name = tag[(closing ? 2 : 1)..];
        var stop = name.IndexOfAny(" >/\t\n");
        if (stop >= 0) name = name[..stop];
        foreach (var element in UntouchedElements)
            if (name.Equals(element, StringComparison.OrdinalIgnoreCase))
                return closing ? -1 : 1;
        return 0;
    }

    // Text between tags: chunks between spaces; an address-like chunk stays whole.
    private static void AppendText(StringBuilder result, ReadOnlySpan<char> text, IHyphenator hyphenator)
    {
        var start = 0;
        while (start < text.Length)
        {
            var space = start;
            while (space < text.Length && !char.IsWhiteSpace(text[space])) space++;
            var chunk = text[start..space];
            if (LooksLikeAddress(chunk)) result.Append(chunk);
            else AppendChunk(result, chunk, hyphenator);
            var after = space;
            while (after < text.Length && char.IsWhiteSpace(text[after])) after++;
            result.Append(text[space..after]);
            start = after;
        }
    }

    // A chunk is read as units: a character, or a character reference (&#233; is how the HTML encoder writes "é").
    // Letters, written either way, make runs; anything else (named entities such as &amp;, punctuation) ends one.
    private static void AppendChunk(StringBuilder result, ReadOnlySpan<char> chunk, IHyphenator hyphenator)
    {
        var letters = new StringBuilder();
        var sources = new List<string>();
        var k = 0;
        while (k < chunk.Length)
        {
            var (letter, length) = ReadUnit(chunk[k..]);
            if (letter is { } c)
            {
                letters.Append(c);
                sources.Add(chunk.Slice(k, length).ToString());
            }
            else
            {
                AppendRun(result, letters, sources, hyphenator);
                result.Append(chunk.Slice(k, length));
            }
            k += length;
        }
        AppendRun(result, letters, sources, hyphenator);
    }

    /// <summary>The letter a unit stands for (null when it is no letter) and the unit's length in the source.</summary>
    private static (char? Letter, int Length) ReadUnit(ReadOnlySpan<char> text)
    {
        if (text[0] != '&') return (char.IsLetter(text[0]) ? text[0] : null, 1);
        var semicolon = text.IndexOf(';');
        if (semicolon < 0) return (null, 1);
        var reference = text[1..semicolon];
        if (reference.Length > 1 && reference[0] == '#')
        {
            var hex = reference[1] is 'x' or 'X';
            var digits = hex ? reference[2..] : reference[1..];
            if (int.TryParse(digits, hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var code) && code is > 0 and < 0xD800 && char.IsLetter((char)code))
                return ((char)code, semicolon + 1);
        }
        return (null, semicolon + 1);
    }

    private static void AppendRun(StringBuilder result, StringBuilder letters, List<string> sources, IHyphenator hyphenator)
    {
        if (letters.Length == 0) return;
        var run = letters.ToString();
        var points = run.Length < MinimumRun || IsAllUpper(run) ? [] : hyphenator.HyphenationPoints(run);
        var next = 0;
        for (var i = 0; i < sources.Count; i++)
        {
            while (next < points.Count && points[next] < i) next++;
            if (next < points.Count && points[next] == i && i > 0) result.Append(SoftHyphen);
            result.Append(sources[i]);
        }
        letters.Clear();
        sources.Clear();
    }

    private static bool LooksLikeAddress(ReadOnlySpan<char> chunk)
    {
        if (chunk.Contains("://", StringComparison.Ordinal) || chunk.Contains('@') || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            return true;
        for (var k = 1; k + 1 < chunk.Length; k++)
            if (chunk[k] == '.' && char.IsLetter(chunk[k - 1]) && char.IsLetter(chunk[k + 1]))
                return true;
        return false;
    }

    private static bool IsAllUpper(string run)
    {
        foreach (var c in run)
            if (!char.IsUpper(c)) return false;
        return true;
    }
}
