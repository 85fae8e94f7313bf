namespace HiiaPublish.Site;

/// <summary>
/// The list of published papers: the single source of truth for every listing. Entries are always kept in
/// listing order (newest date first, then title, then slug), so the file's bytes depend only on its content
/// and never on the order in which papers were published.
/// </summary>
public sealed record Catalogue(IReadOnlyList<CatalogueEntry> Entries)
{
    public static readonly Catalogue Empty = new([]);

    public CatalogueEntry? Find(string slug) => Entries.FirstOrDefault(e => e.Slug == slug);

    /// <summary>A catalogue with <paramref name="entry"/> added, or replacing the entry with the same slug.</summary>
    public Catalogue With(CatalogueEntry entry) =>
        new(Sorted(Entries.Where(e => e.Slug != entry.Slug).Append(entry)));

    public static IReadOnlyList<CatalogueEntry> Sorted(IEnumerable<CatalogueEntry> entries) =>
        entries.OrderByDescending(e => e.Date, StringComparer.Ordinal)
            .ThenBy(e => e.Title, StringComparer.Ordinal)
            .ThenBy(e => e.Slug, StringComparer.Ordinal)
            .ToArray();
}
