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
            var line = rawLine.AsSpan().Trim();
            if (line.IsEmpty || line[0] == '%')
                continue;
            if (!sawEncodingLine)
            {
                sawEncodingLine = true;
                continue;
            }
            if (TryReadKeyword(line.ToString(), ref leftMin, ref rightMin))
                continue;
            // Patterns are read as spans of the line: the Hungarian file has ~100k of them, and a string, a list and
            // a builder for each made loading it allocate ~45 MB.
            while (!line.IsEmpty)
            {
                var end = line.IndexOfAny(' ', '\t');
                var token = end < 0 ? line : line[..end];
                if (!token.IsEmpty)
                    AddPattern(builder, token);
                line = end < 0 ? [] : line[(end + 1)..];
            }
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

    private static void AddPattern(PatternTrieBuilder builder, ReadOnlySpan<char> token)
    {
        // Non-standard rules ("as5szon2y/sz=,2,1") change the spelling at the break (asszony → asz-szony).
        // IHyphenator can only report split points, so we cannot apply them. Dropping them silently would
        // let other patterns split right there with the plain, misspelt result ("as-szony"); so every odd
        // digit of such a rule becomes a veto: where the file says a break needs a spelling change, we do not break.
        var slash = token.IndexOf('/');
        var pattern = slash >= 0 ? token[..slash] : token;
        Span<char> letters = pattern.Length <= 256 ? stackalloc char[pattern.Length] : new char[pattern.Length];
        Span<byte> levels = pattern.Length <= 256 ? stackalloc byte[pattern.Length + 1] : new byte[pattern.Length + 1];
        var count = 0;
        levels[0] = 0;
        foreach (var c in pattern)
        {
            if (char.IsAsciiDigit(c))
                levels[count] = (byte)(c - '0');
            else
            {
                letters[count++] = char.ToLowerInvariant(c);
                levels[count] = 0;
            }
        }
        if (count == 0)
            return;
        letters = letters[..count];
        levels = levels[..(count + 1)];

        if (slash < 0)
        {
            builder.Add(letters, levels.ToArray());
            return;
        }
        var vetoes = new bool[levels.Length];
        var anyVeto = false;
        for (var i = 0; i < levels.Length; i++)
            anyVeto |= vetoes[i] = levels[i] % 2 == 1;
        if (anyVeto)
            builder.AddVetoes(letters, vetoes);
    }
}
