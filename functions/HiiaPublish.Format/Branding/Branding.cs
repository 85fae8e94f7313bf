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
    public BrandingLanguage For(PaperLanguage language) => language == PaperLanguage.Hungarian ? Hungarian : English;
}

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
