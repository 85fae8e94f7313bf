using System.Globalization;
using System.Text;
using HiiaPublish.Format.Diagnostics;

namespace HiiaPublish.Site.Publishing;

/// <summary>
/// No silent replacement (issue 15): titles that slug alike ("Foo Bar", "Foo-Bar!", "Főő Bár") made three papers one,
/// each "correcting" the last. A revision whose slug names a published paper with another title AND other authors is a
/// different paper, and is refused naming both; a correction keeps its title or its authors (or both), as every real
/// one does. Titles are compared without case and spacing (punctuation and accents are what made the papers above
/// different); names also without accents and punctuation, which editors type either way.
/// </summary>
internal static class SlugCollisions
{
    public static Diagnostic? Check(PublicationRequest request, CatalogueEntry? existing)
    {
        if (existing is null || existing.Revision == request.Revision) return null;
        var metadata = request.Perspective.Metadata;
        var sameTitle = string.Equals(Spaced(metadata.Title), Spaced(existing.Title), StringComparison.OrdinalIgnoreCase);
        var authors = metadata.Authors.Select(a => Folded(a.Name)).Order(StringComparer.Ordinal).ToArray();
        var existingAuthors = existing.Authors.Select(a => Folded(a.Name)).Order(StringComparer.Ordinal).ToArray();
        var sharedAuthor = authors.Intersect(existingAuthors).Any();
        if (sameTitle || sharedAuthor) return null;
        return PublicationDiagnosticCatalog.Report(PublicationDiagnosticCatalog.SlugTakenByAnotherPaper, request, metadata.Slug,
            existing.Title, string.Join(", ", existing.Authors.Select(a => a.Name)), metadata.Title, string.Join(", ", metadata.Authors.Select(a => a.Name)));
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
