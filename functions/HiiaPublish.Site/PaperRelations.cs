namespace HiiaPublish.Site;

/// <summary>
/// How papers of the catalogue relate: translation twins and related papers. Pure functions of the catalogue, so
/// every page that shows a relation shows the same one.
/// </summary>
public static class PaperRelations
{
    public const int MaxRelated = 3;

    /// <summary>
    /// Slug → twin, both ways. A paper names its twin with translation_of; the pair holds when the named paper exists,
    /// is in the other language, and neither paper is already paired. Claims are taken in order of first publication
    /// (then slug), so an earlier pair is never broken by a later claim.
    /// </summary>
    public static IReadOnlyDictionary<string, CatalogueEntry> Twins(Catalogue catalogue)
    {
        var twins = new Dictionary<string, CatalogueEntry>(StringComparer.Ordinal);
        var claims = catalogue.Entries.Where(e => e.TranslationOf is not null)
            .OrderBy(e => e.FirstPublished).ThenBy(e => e.Slug, StringComparer.Ordinal);
        foreach (var claimant in claims)
        {
            var named = catalogue.Find(claimant.TranslationOf!);
            if (named is null || named.Language == claimant.Language || twins.ContainsKey(claimant.Slug) || twins.ContainsKey(named.Slug))
                continue;
            twins[claimant.Slug] = named;
            twins[named.Slug] = claimant;
        }
        return twins;
    }

    /// <summary>What stands in the way of the paper <paramref name="slug"/> naming <paramref name="translationOf"/> as its twin, or null when nothing does.</summary>
    public static TwinProblem? Check(Catalogue catalogue, string slug, string language, string translationOf)
    {
        var named = catalogue.Find(translationOf);
        if (named is null) return TwinProblem.Missing;
        if (named.Language == language) return TwinProblem.SameLanguage;
        // The pairs as they stand without this paper's own (possibly older) claim.
        var others = new Catalogue(catalogue.Entries.Where(e => e.Slug != slug).ToArray());
        if (Twins(others).ContainsKey(named.Slug)) return TwinProblem.AlreadyTwinned;
        var claimsOnThis = others.Entries.Any(e => e.TranslationOf == slug && e.Slug != named.Slug && e.Language != language);
        return claimsOnThis ? TwinProblem.AlreadyTwinned : null;
    }

    /// <summary>Up to three other papers sharing most topics with <paramref name="entry"/>, then the newest; never its twin.</summary>
    public static IReadOnlyList<CatalogueEntry> Related(Catalogue catalogue, CatalogueEntry entry, CatalogueEntry? twin)
    {
        var topics = entry.Keywords.Select(Topics.SlugOf).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (topics.Count == 0) return [];
        return catalogue.Entries
            .Where(e => e.Slug != entry.Slug && e.Slug != twin?.Slug)
            .Select(e => (Entry: e, Shared: e.Keywords.Select(Topics.SlugOf).Distinct(StringComparer.Ordinal).Count(topics.Contains)))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared).ThenByDescending(x => x.Entry.Date, StringComparer.Ordinal).ThenBy(x => x.Entry.Slug, StringComparer.Ordinal)
            .Take(MaxRelated).Select(x => x.Entry).ToArray();
    }

    public static PaperNeighbours For(Catalogue catalogue, CatalogueEntry entry)
    {
        var twin = Twins(catalogue).GetValueOrDefault(entry.Slug);
        return new PaperNeighbours(twin, Related(catalogue, entry, twin));
    }
}

public enum TwinProblem { Missing, SameLanguage, AlreadyTwinned }

/// <summary>Keywords as topics: a topic is the keyword's slug, so "Energy security" and "energy security" are one topic.</summary>
public static class Topics
{
    // A site's keywords and names are a few thousand strings, asked for on every publish (listings, related papers,
    // topic pages): deriving each slug once keeps a publish into 5,000 papers from re-deriving 15,000 of them.
    private const int MaxCached = 200_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string SlugOf(string keyword)
    {
        if (Cache.TryGetValue(keyword, out var slug)) return slug;
        slug = Format.SlugBuilder.Derive(keyword);
        if (Cache.Count < MaxCached) Cache.TryAdd(keyword, slug);
        return slug;
    }
}
