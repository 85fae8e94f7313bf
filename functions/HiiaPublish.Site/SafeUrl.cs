using System.Text.RegularExpressions;

namespace HiiaPublish.Site;

/// <summary>
/// Which link targets may become an href: http, https, mailto and relative URLs. Anything else
/// (javascript:, data:, vbscript:, file:, …) is shown as plain text instead of a link.
/// </summary>
public static partial class SafeUrl
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static bool IsAllowed(string url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        // Browsers drop tabs and newlines inside URLs ("java\tscript:"), and no honest link needs a control
        // character or a space, so any of them disqualifies the URL rather than being cleaned away.
        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) return false;
        var scheme = SchemePattern().Match(url);
        return !scheme.Success || AllowedSchemes.Contains(scheme.Groups[1].Value.ToLowerInvariant());
    }

    // RFC 3986 scheme: a letter, then letters, digits, '+', '-' or '.', ending at the first ':'.
    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*):")]
    private static partial Regex SchemePattern();
}
