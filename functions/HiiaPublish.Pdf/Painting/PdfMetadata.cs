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
}
