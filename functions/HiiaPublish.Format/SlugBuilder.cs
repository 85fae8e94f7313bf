using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HiiaPublish.Format;

/// <summary>
/// The paper's web address part (slug): lower-case ASCII letters, digits and single hyphens, derived
/// from the title unless the editor gives one. Hungarian accents fold to their base letters.
/// </summary>
public static partial class SlugBuilder
{
    /// <summary>Longest slug: long enough for any real title's first words, short enough for a readable URL.</summary>
    public const int MaxLength = 80;

    // Letters that Unicode decomposition does not reduce to ASCII but that have a customary spelling.
    private static readonly Dictionary<char, string> Transliterations = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['đ'] = "d", ['ł'] = "l", ['þ'] = "th", ['ı'] = "i",
    };

    public static bool IsValid(string slug) => slug.Length <= MaxLength && ValidPattern().IsMatch(slug);

    /// <summary>The slug for a title; empty when the title has no letters or digits that fold to ASCII.</summary>
    public static string Derive(string title)
    {
        var folded = new StringBuilder(title.Length);
        foreach (var c in Normalizable(title).Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            // Accents fold into their letter. Format characters (zero-width space and joiners, soft hyphen, byte
            // order mark) are invisible inside a word: they join it, never split it, and never reach the address.
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format) continue;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') folded.Append(c);
            else if (Transliterations.TryGetValue(c, out var spelled)) folded.Append(spelled);
            else folded.Append('-');
        }

        var slug = HyphenRuns().Replace(folded.ToString(), "-").Trim('-');
        if (slug.Length <= MaxLength) return slug;

        // Cut at the last word edge that fits, so the address never ends in half a word.
        var edge = slug.LastIndexOf('-', MaxLength);
        return (edge > 0 ? slug[..edge] : slug[..MaxLength]).Trim('-');
    }

    /// <summary>
    /// The title without what string.Normalize refuses with an exception: noncharacters (U+FFFE, U+FDD0…) are left
    /// out, as they are no part of any word, and an unpaired surrogate becomes U+FFFD, which separates words.
    /// </summary>
    private static string Normalizable(string title)
    {
        var kept = new StringBuilder(title.Length);
        foreach (var rune in title.EnumerateRunes())
            if (!IsNoncharacter(rune.Value)) kept.Append(rune.ToString());
        return kept.ToString();
    }

    private static bool IsNoncharacter(int codePoint) => (codePoint & 0xFFFE) == 0xFFFE || codePoint is >= 0xFDD0 and <= 0xFDEF;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidPattern();

    [GeneratedRegex("-+", RegexOptions.CultureInvariant)]
    private static partial Regex HyphenRuns();
}
