using System.Globalization;
using System.Text;
using HiiaPublish.Format;
using HiiaPublish.Format.Diagnostics;

namespace HiiaPublish.Site.Publishing;

/// <summary>
/// No silent replacement (issue 15): titles that slug alike ("Foo Bar", "Foo-Bar!", "Főő Bár") made three papers one,
/// each "correcting" the last. A revision whose slug names a published paper with another title AND other authors is a
/// different paper, and is refused naming both; a correction keeps its title or its authors (or both), as most do, or
/// says `corrects: {slug}` when it changes both (a retitling with new authors). Titles are compared without case and
/// spacing (punctuation and accents are what made the papers above different); names also without accents and
/// punctuation, which editors type either way. Public because the workflow's upload asks the same question before it
/// accepts a draft, so the editor hears it at once rather than after review.
/// </summary>
public static class SlugCollisions
{
    internal static Diagnostic? Check(PublicationRequest request, CatalogueEntry? existing) =>
        Check(request.Perspective.Metadata, request.Revision, request.DiagnosticFile, existing);

    /// <summary>
    /// The refusal for a draft whose slug is <paramref name="existing"/>'s (null: no paper at that address), or null
    /// when it may take that address: the same revision, a correction (same title or an author, or `corrects:`), or a
    /// new address. A `corrects:` with no published paper to correct is refused too (HP0721).
    /// </summary>
    public static Diagnostic? Check(PerspectiveMetadata metadata, string revision, string diagnosticFile, CatalogueEntry? existing)
    {
        if (existing is null)
            return metadata.Corrects is null ? null
                : PublicationDiagnosticCatalog.CorrectsNothingPublished.At(diagnosticFile, metadata.CorrectsAt.Line, metadata.CorrectsAt.Column, metadata.Corrects);
        if (existing.Revision == revision || metadata.Corrects == metadata.Slug) return null;
        if (SamePaper(metadata.Title, metadata.Authors.Select(a => a.Name), existing.Title, existing.Authors.Select(a => a.Name))) return null;
        return PublicationDiagnosticCatalog.SlugTakenByAnotherPaper.At(diagnosticFile, 1, 1, metadata.Slug,
            existing.Title, string.Join(", ", existing.Authors.Select(a => a.Name)), metadata.Title, string.Join(", ", metadata.Authors.Select(a => a.Name)));
    }

    /// <summary>True when two papers share their title (case and spacing aside) or at least one author (accents and punctuation aside).</summary>
    public static bool SamePaper(string title, IEnumerable<string> authors, string otherTitle, IEnumerable<string> otherAuthors)
    {
        if (string.Equals(Spaced(title), Spaced(otherTitle), StringComparison.OrdinalIgnoreCase)) return true;
        var folded = authors.Select(Folded).Where(name => name.Length > 0).ToHashSet(StringComparer.Ordinal);
        return otherAuthors.Select(Folded).Any(folded.Contains);
    }

    private static string Spaced(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Folded(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(char.ToLowerInvariant(c));
        return folded.ToString();
    }
}
