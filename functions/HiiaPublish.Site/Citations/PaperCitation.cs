using System.Globalization;
using HiiaPublish.Format;

namespace HiiaPublish.Site.Citations;

/// <summary>
/// What every citation of a paper says, derived once from its catalogue entry and the branding: the page's
/// "Cite this paper", the .bib, .ris and .json files, the Highwire tags, crossref.xml and oai.xml all print
/// these values, so they cannot disagree. Text values are plain (no markup) and may hold anything an editor
/// typed; each writer escapes them for its own format.
/// </summary>
public sealed record PaperCitation(
    string Slug,
    string Title,
    string? Subtitle,
    IReadOnlyList<string> Authors,
    DateOnly Date,
    PaperLanguage Language,
    string Series,
    string Publisher,
    string? Number,
    string? Issn,
    string? Doi,
    string LandingUrl,
    string PdfUrl,
    IReadOnlyList<string> Keywords,
    string Abstract,
    int Pages,
    IReadOnlyList<string?>? FamilyNames = null)
{
    /// <summary>Author <paramref name="index"/>'s family and given names (see <see cref="SplitName"/>).</summary>
    public (string Family, string? Given) NameParts(int index) =>
        SplitName(Authors[index], FamilyNames is { } families && index < families.Count ? families[index] : null);

    public string LanguageCode => Language == PaperLanguage.Hungarian ? "hu" : "en";

    public string? DoiUrl => Doi is null ? null : "https://doi.org/" + Doi;

    /// <summary>The address a citation points to: the DOI when there is one, else the page.</summary>
    public string CitedUrl => DoiUrl ?? LandingUrl;

    public string IsoDate => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static PaperCitation For(CatalogueEntry entry, SiteRenderer site)
    {
        var language = SiteRenderer.LanguageOf(entry);
        var wording = site.Branding.For(language);
        return new PaperCitation(entry.Slug, HtmlText.Clean(entry.Title), entry.Subtitle is null ? null : HtmlText.Clean(entry.Subtitle),
            entry.Authors.Select(a => HtmlText.Clean(a.Name)).ToArray(), SiteFormat.ParseDate(entry.Date), language, wording.Series,
            wording.Institute, entry.Number, wording.Issn, entry.Doi, site.AbsoluteUrl(entry.LandingPath), site.AbsoluteUrl(entry.PdfPath),
            entry.Keywords.Select(HtmlText.Clean).ToArray(), entry.AbstractText, entry.Pages,
            entry.Authors.Select(a => a.FamilyName is null ? null : HtmlText.Clean(a.FamilyName)).ToArray());
    }

    /// <summary>
    /// A personal name as family and given parts, for Crossref, which asks for a surname. The front matter holds a
    /// name as one string in the order the byline prints it. With a <c>family_name</c> (an author's optional field)
    /// that is the family name, and the given name is what the name holds besides it ("Kovács Anna" with family name
    /// "Kovács" → given "Anna"; none when the family name is not a run of the name's words). Without one the last
    /// word is taken, right for "Anna Kovács" (the samples write names given name first in both languages) and wrong
    /// for Hungarian order, which is what the field is for; the paper's language cannot tell, since Hungarian papers
    /// print names either way. Where the guess matters less than the name itself (RIS, CSL-JSON), the writers keep
    /// the whole name.
    /// </summary>
    public static (string Family, string? Given) SplitName(string name, string? familyName = null)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (familyName is not null && familyName.Trim() is { Length: > 0 } family)
        {
            var familyWords = family.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var start = 0; start + familyWords.Length <= parts.Length; start++)
            {
                if (!parts.AsSpan(start, familyWords.Length).SequenceEqual(familyWords)) continue;
                var given = string.Join(' ', parts[..start].Concat(parts[(start + familyWords.Length)..]));
                return (string.Join(' ', familyWords), given.Length > 0 ? given : null);
            }
            return (string.Join(' ', familyWords), null);
        }
        return parts.Length < 2 ? (name.Trim(), null) : (parts[^1], string.Join(' ', parts[..^1]));
    }

    /// <summary>"A", "A and B", "A, B and C" with the language's word for "and".</summary>
    public static string JoinNames(IReadOnlyList<string> names, string and) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " " + and + " " + names[^1],
    };
}
