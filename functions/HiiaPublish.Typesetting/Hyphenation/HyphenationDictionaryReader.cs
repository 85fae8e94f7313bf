using System.Globalization;

namespace HiiaPublish.Typesetting.Hyphenation;

/// <summary>
/// Reads a LibreOffice hyphenation dictionary ("hyph_*.dic", the libhyphen format): the first line names
/// the encoding (the caller's <see cref="TextReader"/> has already decoded it), then keyword lines,
/// '%' comments and one pattern per line.
/// </summary>
internal static class HyphenationDictionaryReader
{
    // libhyphen's defaults when a file states no minimum: two letters on each side of a break.
    private const int DefaultLeftMin = 2;
    private const int DefaultRightMin = 2;

    public static (PatternTrie Trie, int LeftMin, int RightMin) Read(TextReader dicFile)
    {
        var builder = new PatternTrieBuilder();
        int leftMin = DefaultLeftMin, rightMin = DefaultRightMin;
        var sawEncodingLine = false;

        while (dicFile.ReadLine() is { } rawLine)
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '%')
                continue;
            if (!sawEncodingLine)
            {
                sawEncodingLine = true;
                continue;
            }
            if (TryReadKeyword(line, ref leftMin, ref rightMin))
                continue;
            foreach (var token in line.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries))
                AddPattern(builder, token);
        }
        return (builder.Build(), leftMin, rightMin);
    }

    private static bool TryReadKeyword(string line, ref int leftMin, ref int rightMin)
    {
        if (!char.IsAsciiLetterUpper(line[0]))
            return false;
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var value = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        switch (parts[0])
        {
            case "LEFTHYPHENMIN" when value is > 0:
                leftMin = value.Value;
                return true;
            case "RIGHTHYPHENMIN" when value is > 0:
                rightMin = value.Value;
                return true;
            // Compound minimums apply to libhyphen's two-level compound splitting, which we do not do;
            // NEXTLEVEL separates those levels. Merging both levels into one trie keeps every break the
            // file allows at either level, which is what a single-level hyphenator can offer.
            case "COMPOUNDLEFTHYPHENMIN" or "COMPOUNDRIGHTHYPHENMIN" or "NEXTLEVEL" or "NOHYPHEN":
                return true;
            default:
                return false;
        }
    }

    private static void AddPattern(PatternTrieBuilder builder, string token)
    {
        // Non-standard rules ("as5szon2y/sz=,2,1") change the spelling at the break (asszony → asz-szony).
        // IHyphenator can only report split points, so we cannot apply them. Dropping them silently would
        // let other patterns split right there with the plain, misspelt result ("as-szony"); so every odd
        // digit of such a rule becomes a veto: where the file says a break needs a spelling change, we do not break.
        var slash = token.IndexOf('/');
        var pattern = slash >= 0 ? token[..slash] : token;
        var letters = new System.Text.StringBuilder(pattern.Length);
        var levels = new List<byte> { 0 };
        foreach (var c in pattern)
        {
            if (char.IsAsciiDigit(c))
                levels[^1] = (byte)(c - '0');
            else
            {
                letters.Append(char.ToLowerInvariant(c));
                levels.Add(0);
            }
        }
        if (letters.Length == 0)
            return;

        if (slash < 0)
        {
            builder.Add(letters.ToString(), [.. levels]);
            return;
        }
        var vetoes = levels.Select(level => level % 2 == 1).ToArray();
        if (vetoes.Any(v => v))
            builder.AddVetoes(letters.ToString(), vetoes);
    }
}
