namespace HiiaPublish.Site.Search;

/// <summary>
/// What brings a site store's search index up to date once a publish has written into it: the Functions app's and
/// `hiia serve`'s SiteSearchIndexer over `$web`. (`hiia publish --site` updates its folder through
/// <see cref="SegmentedSearchIndex"/> itself.)
/// </summary>
public interface ISiteSearchUpdater
{
    /// <summary>
    /// Indexes the paper pages among <paramref name="writtenPaths"/>, or says why it left them to a later run. The
    /// paper is published whatever this does: it throws only for storage faults, which the caller logs and moves past.
    /// </summary>
    /// <returns>One sentence for the log: what was indexed, or why not.</returns>
    Task<string> PagesPublishedAsync(IReadOnlyList<string> writtenPaths, CancellationToken cancellationToken);
}
