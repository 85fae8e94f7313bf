using System.Text.RegularExpressions;

namespace HiiaPublish.Format.Body;

/// <summary>
/// The allow-list for links in the paper: http, https and mailto only (row 17 of the reliability table:
/// javascript:, data:, file: and relative addresses never reach a PDF or a web page).
/// </summary>
internal static partial class LinkChecker
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    /// <summary>Null when the URL is allowed; otherwise the reason, as a clause ("uses the 'file:' scheme").</summary>
    public static string? Refusal(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.Length == 0) return "is empty";
        var scheme = SchemePattern().Match(trimmed);
        if (!scheme.Success)
            return trimmed.StartsWith('#') ? "points inside the page, which the paper cannot do" : "is a relative address";
        var name = scheme.Groups["scheme"].Value;
        return AllowedSchemes.Contains(name, StringComparer.OrdinalIgnoreCase) ? null : $"uses the '{name}:' scheme";
    }

    [GeneratedRegex("^(?<scheme>[A-Za-z][A-Za-z0-9+.-]*):", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();
}
