using HiiaPublish.Format.Common;

namespace HiiaPublish.Format;

/// <summary>
/// A parsed, validated paper: the one model every later stage (PDF, site, workflow) reads.
/// No Markdig or YamlDotNet type ever appears in it.
/// </summary>
public sealed record Perspective(PerspectiveMetadata Metadata, EquatableList<Block> Body, EquatableList<Footnote> Footnotes);

public enum PaperLanguage { English, Hungarian }

public static class PaperLanguageCodes
{
    public static string Code(this PaperLanguage language) => language == PaperLanguage.Hungarian ? "hu" : "en";
    /// <summary>BCP 47 tag for PDF /Lang and HTML lang attributes.</summary>
    public static string Bcp47(this PaperLanguage language) => language == PaperLanguage.Hungarian ? "hu-HU" : "en-US";
}

public sealed record PerspectiveMetadata(
    string Title,
    string? Subtitle,
    DateOnly Date,
    PaperLanguage Language,
    EquatableList<Author> Authors,
    EquatableList<string> CopyEditors,
    EquatableList<Inline> Abstract,
    EquatableList<string> Keywords,
    CoverImage? Cover,
    string Slug,
    string? Series)
{
    /// <summary>The paper's number in the series ("2026/7"), when the editors number it.</summary>
    public string? Number { get; init; }

    /// <summary>The paper's DOI without a resolver ("10.12345/hiia.2026.7"), when it has one.</summary>
    public string? Doi { get; init; }

    /// <summary>The slug of the same paper in the other language; naming it on one side links both.</summary>
    public string? TranslationOf { get; init; }

    /// <summary>Where translation_of is written, so a problem found at publication can point at it.</summary>
    public Common.SourcePosition TranslationOfAt { get; init; } = Common.SourcePosition.Start;

    /// <summary>
    /// The slug of the published paper this draft corrects (always its own slug): a correction may then change the
    /// title and every author, which otherwise would make it another paper taking that address.
    /// </summary>
    public string? Corrects { get; init; }

    /// <summary>Where corrects is written, so a problem found at upload or publication can point at it.</summary>
    public Common.SourcePosition CorrectsAt { get; init; } = Common.SourcePosition.Start;
}

/// <summary>
/// An author as the byline prints them. <paramref name="FamilyName"/> is the front matter's optional
/// <c>family_name</c> (issue 13): the part of the name a reference database files them under, for names whose family
/// name is not the last word (Hungarian order, "Kovács Anna"; compound names). Null when not given.
/// </summary>
public sealed record Author(string Name, string? Role, string? FamilyName = null);

/// <summary>Path is relative to the draft's folder, with '/' separators, checked to stay inside it.</summary>
public sealed record CoverImage(string? Path, string? Alt, string? Credit);

/// <summary>A numbered footnote; Number is the order of first reference (1, 2, …).</summary>
public sealed record Footnote(int Number, string Label, EquatableList<Block> Blocks, int Line);
