namespace HiiaPublish.Pdf.Painting;

/// <summary>
/// What the PDF says about itself (document info, XMP, window title). Dates come from the paper, never the
/// clock, so the same source gives the same bytes.
/// </summary>
public sealed record PdfMetadata(
    string Title,
    IReadOnlyList<string> Authors,
    string Subject,
    IReadOnlyList<string> Keywords,
    string Language,
    DateOnly Date)
{
    public string Creator { get; init; } = "HiiaPublish";

    /// <summary>The institute that publishes the paper (XMP dc:publisher), when known.</summary>
    public string? Publisher { get; init; }

    /// <summary>The paper's identifier for citing (XMP dc:identifier): its DOI as "doi:10.…", when it has one.</summary>
    public string? Identifier { get; init; }

    /// <summary>The series the paper belongs to, with its number and ISSN (XMP dc:relation): "HIIA Perspective 2026/7", "ISSN 1234-5678".</summary>
    public IReadOnlyList<string> Relations { get; init; } = [];
}
