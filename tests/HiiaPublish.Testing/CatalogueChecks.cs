using System.Text.RegularExpressions;

namespace HiiaPublish.Testing;

/// <summary>One code of a catalogue as the editors' guide shows it: code, "error" or "warning", title.</summary>
public sealed record CodeEntry(string Code, string Severity, string Title);

/// <summary>
/// The checks every catalogue of diagnostics must pass, apart from the catalogues themselves so that each can be
/// shown to fail on a made-up catalogue: every code has a fixture that produces it, every code is in the guide,
/// and no code is in two catalogues.
/// </summary>
public static partial class CatalogueChecks
{
    /// <summary>The codes in printed diagnostics, lines like <c>draft.md(3,7): error HP0016: The date …</c>.</summary>
    public static IReadOnlySet<string> CodesPrinted(IEnumerable<string> lines) =>
        lines.Select(line => PrintedCode().Match(line)).Where(m => m.Success).Select(m => m.Groups["code"].Value).ToHashSet();

    /// <summary>The codes of <paramref name="catalogue"/> that nothing produced, in catalogue order.</summary>
    public static IReadOnlyList<string> WithoutFixture(IEnumerable<string> catalogue, IEnumerable<string> produced)
    {
        var seen = produced.ToHashSet();
        return catalogue.Where(code => !seen.Contains(code)).ToList();
    }

    /// <summary>
    /// The entries the guide has no table row for: a line starting <c>| code | severity | title |</c> exactly, so a
    /// code listed with another severity or title counts as missing too.
    /// </summary>
    public static IReadOnlyList<CodeEntry> Undocumented(IEnumerable<CodeEntry> entries, IReadOnlyList<string> guide) =>
        entries.Where(e => !guide.Any(line => line.StartsWith($"| {e.Code} | {e.Severity} | {e.Title} |", StringComparison.Ordinal))).ToList();

    /// <summary>Each code found more than once over all catalogues (in two of them, or twice in one), with where.</summary>
    public static IReadOnlyList<string> Collisions(IReadOnlyDictionary<string, IReadOnlyList<string>> catalogues) =>
        catalogues
            .SelectMany(catalogue => catalogue.Value.Select(code => (Code: code, Catalogue: catalogue.Key)))
            .GroupBy(x => x.Code, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key} in {string.Join(", ", group.Select(x => x.Catalogue))}")
            .Order(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"\): (error|warning) (?<code>[A-Z]{2}[0-9]{4}):")]
    private static partial Regex PrintedCode();
}
