using System.Text;
using System.Text.RegularExpressions;

namespace HiiaPublish.Site.Tests.Support;

/// <summary>
/// Strict readers of the citation files, written for the tests: they refuse anything a reference manager might
/// read differently (an unbalanced brace, counted as BibTeX counts it even after a backslash; a LaTeX command other
/// than the few our writer emits; a RIS line that is not "XX  - value"), and give back the values as a reader sees them.
/// </summary>
public static partial class CitationReaders
{
    public sealed record BibEntry(string Type, string Key, IReadOnlyDictionary<string, string> Fields);

    private static readonly Dictionary<string, string> LatexCommands = new(StringComparer.Ordinal)
    {
        [@"\textbraceleft{}"] = "{", [@"\textbraceright{}"] = "}", [@"\textbackslash{}"] = "\\",
        [@"\textasciitilde{}"] = "~", [@"\textasciicircum{}"] = "^",
        [@"\#"] = "#", [@"\$"] = "$", [@"\%"] = "%", [@"\&"] = "&", [@"\_"] = "_",
    };

    public static BibEntry ReadBibTex(string text)
    {
        var i = 0;
        SkipSpace(text, ref i);
        Expect(text, ref i, '@');
        var type = Word(text, ref i);
        Expect(text, ref i, '{');
        var key = Word(text, ref i);
        Expect(text, ref i, ',');
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            SkipSpace(text, ref i);
            if (i < text.Length && text[i] == '}') { i++; break; }
            var name = Word(text, ref i);
            SkipSpace(text, ref i);
            Expect(text, ref i, '=');
            SkipSpace(text, ref i);
            var raw = Braced(text, ref i);
            if (!fields.TryAdd(name, Decode(raw))) throw new FormatException($"BibTeX field '{name}' twice.");
            SkipSpace(text, ref i);
            if (i < text.Length && text[i] == ',') { i++; continue; }
            SkipSpace(text, ref i);
            Expect(text, ref i, '}');
            break;
        }
        SkipSpace(text, ref i);
        if (i != text.Length) throw new FormatException($"BibTeX: text after the entry at {i}.");
        return new BibEntry(type, key, fields);
    }

    /// <summary>Values as LaTeX prints them: our commands decoded, protective braces dropped, anything else refused.</summary>
    private static string Decode(string raw)
    {
        var result = new StringBuilder();
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\')
            {
                var command = LatexCommands.Keys.FirstOrDefault(k => string.CompareOrdinal(raw, i, k, 0, k.Length) == 0)
                    ?? throw new FormatException($"BibTeX: unknown command at '{raw[i..Math.Min(raw.Length, i + 12)]}'.");
                result.Append(LatexCommands[command]);
                i += command.Length - 1;
            }
            else if (c is '{' or '}') continue;
            else if (c is '#' or '$' or '%' or '&' or '_' or '~' or '^') throw new FormatException($"BibTeX: unescaped '{c}'.");
            else if (c is '\n' or '\r') throw new FormatException("BibTeX: line break inside a value.");
            else result.Append(c);
        }
        return result.ToString();
    }

    private static string Braced(string text, ref int i)
    {
        Expect(text, ref i, '{');
        var start = i;
        var depth = 1;
        for (; i < text.Length; i++)
        {
            // BibTeX counts every brace, escaped or not.
            if (text[i] == '{') depth++;
            else if (text[i] == '}' && --depth == 0) return text[start..i++];
        }
        throw new FormatException("BibTeX: unbalanced braces.");
    }

    private static string Word(string text, ref int i)
    {
        SkipSpace(text, ref i);
        var start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_')) i++;
        if (i == start) throw new FormatException($"BibTeX: a name expected at {i}.");
        return text[start..i];
    }

    private static void Expect(string text, ref int i, char c)
    {
        if (i >= text.Length || text[i] != c) throw new FormatException($"BibTeX: '{c}' expected at {i}.");
        i++;
    }

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && text[i] is ' ' or '\n' or '\t') i++;
    }

    /// <summary>RIS: CR LF lines "XX  - value", TY first, ER last; gives (tag, value) in order.</summary>
    public static IReadOnlyList<(string Tag, string Value)> ReadRis(string text)
    {
        if (!text.EndsWith("\r\n", StringComparison.Ordinal)) throw new FormatException("RIS: the last line does not end in CR LF.");
        var lines = text[..^2].Split("\r\n");
        var tags = new List<(string, string)>();
        foreach (var line in lines)
        {
            var match = RisLine().Match(line);
            if (!match.Success) throw new FormatException($"RIS: '{line}' is not a tag line.");
            if (match.Groups[2].Value.Any(c => char.IsControl(c))) throw new FormatException("RIS: control character in a value.");
            tags.Add((match.Groups[1].Value, match.Groups[2].Value));
        }
        if (tags.Count < 2 || tags[0].Item1 != "TY" || tags[^1] != ("ER", "")) throw new FormatException("RIS: must start with TY and end with ER.");
        return tags;
    }

    [GeneratedRegex(@"^([A-Z][A-Z0-9])  - ?(.*)$")]
    private static partial Regex RisLine();
}
