using System.Globalization;
using System.Text.RegularExpressions;
using HiiaPublish.Format.Branding;
using HiiaPublish.Format;
using Scriban.Runtime;

namespace HiiaPublish.Rendering;

/// <summary>
/// The data the PDF templates see: `paper` (the front matter) and `brand` (the wording in the paper's
/// language, placeholders already filled). Every value is one line of plain text.
/// </summary>
internal static partial class PaperScriptData
{
    public static ScriptObject For(PerspectiveMetadata paper, BrandingLanguage brand, string homepage, bool hasCoverImage)
    {
        var year = paper.Date.Year.ToString(CultureInfo.InvariantCulture);
        var authors = new ScriptArray();
        foreach (var author in paper.Authors)
            authors.Add(new ScriptObject { ["name"] = OneLine(author.Name), ["role"] = author.Role is null ? null : OneLine(author.Role) });

        var credit = paper.Cover?.Credit is { Length: > 0 } c ? OneLine(c) : null;
        var paperObject = new ScriptObject
        {
            ["title"] = OneLine(paper.Title),
            ["subtitle"] = paper.Subtitle is null ? null : OneLine(paper.Subtitle),
            ["authors"] = authors,
            ["author_names"] = new ScriptArray(paper.Authors.Select(a => OneLine(a.Name))),
            ["copy_editors"] = new ScriptArray(paper.CopyEditors.Select(OneLine)),
            ["year"] = year,
            ["date"] = brand.FormatDate(paper.Date),
            ["cover_credit"] = credit,
            // The photo was found and read: the cover's design depends on it, and only then does the imprint credit it.
            ["has_cover_image"] = hasCoverImage,
            ["number"] = paper.Number,
            ["doi_url"] = paper.Doi is null ? null : "https://doi.org/" + paper.Doi,
        };

        var brandObject = new ScriptObject
        {
            ["institute"] = brand.Institute,
            ["institute_mark"] = brand.InstituteMark,
            ["series"] = OneLine(paper.Series ?? brand.Series),
            ["regular_publication"] = brand.RegularPublication,
            ["publisher_label"] = brand.PublisherLabel,
            ["copyright"] = BrandingLanguage.Fill(brand.Copyright, ("year", year)),
            ["authors_label"] = brand.AuthorsLabel,
            ["copy_editors_label"] = brand.CopyEditorsLabel,
            ["disclaimer"] = OneLine(brand.Disclaimer),
            ["more_publications"] = BrandingLanguage.Fill(brand.MorePublications, ("homepage", homepage)),
            ["cover_photo_source"] = credit is null ? "" : BrandingLanguage.Fill(brand.CoverPhotoSource, ("credit", credit)),
            ["homepage"] = homepage,
            ["issn"] = brand.Issn,
        };

        return new ScriptObject { ["paper"] = paperObject, ["brand"] = brandObject };
    }

    // Page scripts are line-based: a value with a line break could start a line with '@'.
    public static string OneLine(string value) => Whitespace().Replace(value, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
