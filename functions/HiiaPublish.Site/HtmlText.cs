using System.Net;
using System.Text;

namespace HiiaPublish.Site;

/// <summary>Escaping for HTML and XML text and attribute values, after removing what no page may contain.</summary>
public static class HtmlText
{
    /// <summary>Escapes &lt; &gt; &amp; " and ' so the value is safe both as text and inside a quoted attribute.</summary>
    public static string Escape(string value) => WebUtility.HtmlEncode(Clean(value));

    /// <summary>
    /// Drops control characters (other than tab and newline) and unpaired surrogates: XML forbids them and
    /// HTML parsers report them, and no paper needs them.
    /// </summary>
    public static string Clean(string value)
    {
        if (!value.Any(NeedsCleaning)) return value;
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
                continue;
            }
            if (!NeedsCleaning(c)) builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool NeedsCleaning(char c) =>
        (char.IsControl(c) && c is not '\t' and not '\n') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';
}
