using HiiaPublish.Format;

namespace HiiaPublish.Format.Branding;

/// <summary>The institute's words, colours and fonts (templates/branding.yaml), loaded once and shared.</summary>
public sealed record Branding(
    string Homepage,
    string HomepageUrl,
    string SiteBaseUrl,
    BrandColours Colours,
    BrandFonts Fonts,
    BrandingLanguage English,
    BrandingLanguage Hungarian)
{
    /// <summary>The institute's Crossref DOI prefix ("10.12345") and depositor, for crossref.xml; null prefix: no deposit files.</summary>
    public CrossrefDepositor Crossref { get; init; } = new(null, "", "");

    public BrandingLanguage For(PaperLanguage language) => language == PaperLanguage.Hungarian ? Hungarian : English;

    /// <summary>
    /// An author's role with the institute named once: "Visiting Fellow" becomes "Visiting Fellow, HIIA";
    /// "Visiting Fellow, HIIA" stays (never "…, HIIA, HIIA"). A role already ends with the institute when,
    /// ignoring case and trailing spaces and punctuation, its last words are the institute's short or full
    /// name in either language (an English role on a Hungarian paper may say "HIIA", and vice versa), as
    /// whole words: "…, MKI" counts, "…, AMKI" does not. Trailing punctuation is dropped in both cases, since
    /// the byline goes on with a comma or ends.
    /// </summary>
    public string RoleWithInstitute(PaperLanguage language, string role)
    {
        var end = role.Length;
        while (end > 0 && (char.IsWhiteSpace(role[end - 1]) || Array.IndexOf(RoleTrailing, role[end - 1]) >= 0))
            end--;
        var trimmed = role[..end];
        string[] names = [English.RoleSuffix, English.InstituteShort, English.Institute, Hungarian.RoleSuffix, Hungarian.InstituteShort, Hungarian.Institute];
        foreach (var name in names)
        {
            if (name.Length == 0 || !trimmed.EndsWith(name, StringComparison.OrdinalIgnoreCase))
                continue;
            var before = trimmed.Length - name.Length;
            if (before == 0 || !char.IsLetterOrDigit(trimmed[before - 1]))
                return trimmed;
        }
        var suffix = For(language).RoleSuffix;
        return trimmed.Length == 0 ? suffix : $"{trimmed}, {suffix}";
    }

    private static readonly char[] RoleTrailing = ['.', ',', ';', ':', '\u00B7'];
}

/// <summary>Who deposits DOIs with Crossref: the institute's prefix and the contact Crossref writes to.</summary>
public sealed record CrossrefDepositor(string? DoiPrefix, string DepositorName, string DepositorEmail);

public sealed record BrandColours(string Primary, string Accent, string Text, string Muted);

public sealed record BrandFonts(string Body, string Heading);

/// <summary>Wording in one language. Templates with {placeholders} are filled by <see cref="Fill"/>.</summary>
public sealed record BrandingLanguage(
    string Institute,
    string InstituteMark,
    string InstituteShort,
    string Series,
    string RegularPublication,
    string PublisherLabel,
    string Copyright,
    string AuthorsLabel,
    string CopyEditorsLabel,
    string Disclaimer,
    string MorePublications,
    string CoverPhotoSource,
    string RoleSuffix,
    IReadOnlyList<string> Months,
    string DateFormat)
{
    /// <summary>The series' ISSN in this language ("1234-5678"), or null while it has none.</summary>
    public string? Issn { get; init; }

    /// <summary>"April 21, 2026" or "2026. április 21." as the language writes dates.</summary>
    public string FormatDate(DateOnly date) =>
        Fill(DateFormat, ("month", Months[date.Month - 1]), ("day", date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("year", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Replaces {name} placeholders in branding wording; the values are data, never evaluated.</summary>
    public static string Fill(string wording, params (string Name, string Value)[] values)
    {
        foreach (var (name, value) in values)
            wording = wording.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return wording;
    }
}
