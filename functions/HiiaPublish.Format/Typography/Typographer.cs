namespace HiiaPublish.Format.Typography;

/// <summary>
/// Print typography for running text, by language: straight quotes become curly ones, "--" an en dash,
/// "---" an em dash, "..." an ellipsis. Never applied to code spans or URLs. The previous character is
/// carried across inline boundaries so that a quote before *emphasis* still opens.
/// </summary>
internal sealed class Typographer
{
    // Characters after which a quote opens rather than closes: the start, spaces, opening brackets,
    // dashes and other opening quotes.
    private const string OpeningContext = "([{/-\u2013\u2014\u201C\u2018\u201E\u00BB";

    private readonly PaperLanguage _language;

    public Typographer(PaperLanguage language) => _language = language;

    /// <summary>Character that means "start of the text" for <see cref="Apply(string, ref char)"/>.</summary>
    public const char StartOfText = '\0';

    public string Apply(string text)
    {
        var previous = StartOfText;
        return Apply(text, ref previous);
    }

    /// <summary>Applies the rules to text that follows <paramref name="previous"/>; updates it to this text's last character.</summary>
    public string Apply(string text, ref char previous)
    {
        if (text.Length == 0) return text;
        // Most runs of prose hold no quote and no dot or hyphen pair: they are returned as they are, uncopied. (A
        // string per character, as this loop once made, was most of what checking 2 MB of prose allocated.)
        var first = text.AsSpan().IndexOfAny(Rewritten);
        if (first < 0)
        {
            previous = text[^1];
            return text;
        }
        var result = new System.Text.StringBuilder(text.Length);
        result.Append(text, 0, first);
        if (first > 0) previous = text[first - 1];
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : StartOfText;
            string replacement;
            if (c == '.' && Follows(text, i, "...")) { replacement = "\u2026"; i += 2; }
            else if (c == '-' && Follows(text, i, "---")) { replacement = "\u2014"; i += 2; }
            else if (c == '-' && next == '-') { replacement = "\u2013"; i += 1; }
            else if (c == '"') replacement = DoubleQuote(Opens(previous));
            else if (c == '\'') replacement = SingleQuote(Opens(previous), next);
            else
            {
                result.Append(c);
                previous = c;
                continue;
            }
            result.Append(replacement);
            previous = replacement[^1];
        }
        return result.ToString();
    }

    // The only characters a rule starts at.
    private static readonly System.Buffers.SearchValues<char> Rewritten = System.Buffers.SearchValues.Create(".-\"'");

    private static bool Follows(string text, int index, string pattern) =>
        string.CompareOrdinal(text, index, pattern, 0, pattern.Length) == 0;

    private static bool Opens(char previous) =>
        previous == StartOfText || char.IsWhiteSpace(previous) || OpeningContext.Contains(previous);

    // English: “double” and ‘single’. Hungarian: „double” (the lower opening quote of Hungarian print).
    private string DoubleQuote(bool opens) => _language switch
    {
        PaperLanguage.Hungarian => opens ? "\u201E" : "\u201D",
        _ => opens ? "\u201C" : "\u201D",
    };

    // In English a single quote opens only before a word ('90s keeps the apostrophe). In Hungarian
    // the straight single quote is an apostrophe; inner quotes are » «, which editors type directly.
    private string SingleQuote(bool opens, char next) => _language switch
    {
        PaperLanguage.Hungarian => "\u2019",
        _ => opens && !char.IsDigit(next) && !char.IsWhiteSpace(next) && next != StartOfText ? "\u2018" : "\u2019",
    };
}
