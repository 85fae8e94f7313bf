using System.Text.Json.Serialization;

namespace HiiaPublish.Site;

/// <summary>
/// One published paper as the catalogue (perspectives.json) records it: everything a listing, the feed or the
/// sitemap needs, so they are rebuilt from the catalogue alone and never from PDFs. Paths are site-relative.
/// Date is the paper's own date (yyyy-MM-dd); FirstPublished and Corrected are publication instants (UTC).
/// </summary>
public sealed record CatalogueEntry
{
    public required string Slug { get; init; }
    public required int Year { get; init; }
    public required string Title { get; init; }
    public string? Subtitle { get; init; }
    public required IReadOnlyList<CatalogueAuthor> Authors { get; init; }
    public required string Date { get; init; }
    public required string Language { get; init; }
    public required string AbstractText { get; init; }
    public required string AbstractHtml { get; init; }
    public required IReadOnlyList<string> Keywords { get; init; }
    public required string LandingPath { get; init; }
    public required string PdfPath { get; init; }
    public required string VersionedPdfPath { get; init; }
    public required long PdfBytes { get; init; }
    public required int Pages { get; init; }
    public required string Revision { get; init; }
    public required string Sha256 { get; init; }
    public string? CoverPath { get; init; }
    public string? CoverAlt { get; init; }
    public required DateTimeOffset FirstPublished { get; init; }
    public DateTimeOffset? Corrected { get; init; }
    public required IReadOnlyList<PreviousVersion> PreviousVersions { get; init; }

    // Added by issue 13; optional so catalogues written before them still read.
    /// <summary>The paper's number in its series ("2026/7"), when set.</summary>
    public string? Number { get; init; }
    /// <summary>The DOI without a resolver, when set.</summary>
    public string? Doi { get; init; }
    /// <summary>The slug of the twin in the other language that this paper names, when it names one.</summary>
    public string? TranslationOf { get; init; }
    /// <summary>Words of the body, for the reading time; 0 when unknown.</summary>
    public int Words { get; init; }
    /// <summary>The cover photo's credit as written, when the paper has a cover and a credit.</summary>
    public string? CoverCredit { get; init; }

    /// <summary>When the current revision went out: the last correction, else the first publication.</summary>
    [JsonIgnore]
    public DateTimeOffset LastPublished => Corrected ?? FirstPublished;
}

/// <summary>An author of a catalogued paper; FamilyName only when the front matter gave one (then it is written).</summary>
public sealed record CatalogueAuthor(string Name, string? Role,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FamilyName = null);

/// <summary>A replaced revision whose PDF stays reachable at its versioned path.</summary>
public sealed record PreviousVersion(string Revision, string PdfPath, string Sha256, DateTimeOffset PublishedAt);
