using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Site;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Site.Publishing;

public sealed partial class SitePublisher
{
    private sealed record StoredCatalogue(Catalogue Catalogue, byte[]? Bytes, SiteObjectInfo? Info);

    // Previous: the paper's entry in the catalogue the commit replaced (null for a first publication), whose topics
    // and authors the publish must rebuild as well.
    private sealed record CommitOutcome(StoredCatalogue Stored, CatalogueEntry? Entry, int Attempts, Diagnostic? Diagnostic,
        CatalogueEntry? Previous = null);

    private static async Task<StoredCatalogue> ReadCatalogueAsync(ISiteStore store, CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(SitePaths.Catalogue, cancellationToken);
        return stored is null
            ? new StoredCatalogue(Catalogue.Empty, null, null)
            : new StoredCatalogue(CatalogueSerializer.Deserialize(stored.Content), stored.Content, stored.Info);
    }

    /// <summary>
    /// Puts the entry into perspectives.json: read, modify, write with If-Match (If-None-Match * when there is
    /// no catalogue yet), and on a conflict read again and retry after a pause. The landing page is written from the
    /// committed entry afterwards (see the invariant on <see cref="SitePublisher"/>); the entry derived from a fresher
    /// catalogue may differ from the first (another correction of the same paper got in first).
    /// </summary>
    private async Task<CommitOutcome> CommitAsync(ISiteStore store, SiteWriter writer, PublicationRequest request,
        PublishedImages images, CatalogueEntry landingEntry, StoredCatalogue stored, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= _options.MaxCatalogueAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(_options.RetryDelay(attempt - 1), cancellationToken);
                stored = await ReadCatalogueAsync(store, cancellationToken);
            }

            var existing = stored.Catalogue.Find(landingEntry.Slug);
            if (IsSuperseded(request, existing))
                return new CommitOutcome(stored, null, attempt, Superseded(request));
            if (SlugCollisions.Check(request, existing) is { } collision)
                return new CommitOutcome(stored, null, attempt, collision);
            var entry = CatalogueEntryFactory.Create(request, images, existing);

            var updated = stored.Catalogue.With(entry);
            var bytes = CatalogueSerializer.Serialize(updated);
            if (stored.Bytes is not null && stored.Info is not null && bytes.AsSpan().SequenceEqual(stored.Bytes))
                return new CommitOutcome(stored, entry, attempt, null, existing);

            var result = await store.WriteAsync(SitePaths.Catalogue, bytes, SiteObjectPolicy.Listing(SitePaths.Catalogue),
                WriteCondition.Replacing(stored.Info), cancellationToken);
            if (result.Succeeded)
            {
                writer.Record(SitePaths.Catalogue, bytes.Length);
                var info = new SiteObjectInfo(result.ETag!, ContentHash.Sha256Hex(bytes), bytes.Length, null);
                return new CommitOutcome(new StoredCatalogue(updated, bytes, info), entry, attempt, null, existing);
            }
        }

        return new CommitOutcome(stored, null, _options.MaxCatalogueAttempts,
            PublicationDiagnosticCatalog.Report(PublicationDiagnosticCatalog.CatalogueBusy, request, _options.MaxCatalogueAttempts));
    }

    /// <summary>
    /// Writes listings, feed, sitemap and 404 from <paramref name="stored"/>, then checks that the catalogue has
    /// not moved on meanwhile; if it has, rebuilds from the newer one. Every publisher does this after its own
    /// commit, so the last writer of each page always wrote it from the newest catalogue. False when the
    /// catalogue was still changing after the last round.
    /// </summary>
    /// <remarks>
    /// <paramref name="previous"/> is a catalogue the stored pages may have been written from (the one read before the
    /// commit; then the previous round's). A page whose papers differ from that catalogue's same page has certainly
    /// changed and is written without first reading what is stored; any other page is compared with what is stored
    /// as before. Publishing a paper newest-first shifts every page of its language by one entry, so at 5,000 papers
    /// this saves about 250 reads per publish (docs/performance.md). A wrong or stale <paramref name="previous"/> only
    /// costs reads or writes, never a page left out of date: a page is skipped only after its stored bytes match.
    /// </remarks>
    private async Task<bool> RebuildListingsAsync(ISiteStore store, SiteWriter writer, StoredCatalogue stored, CancellationToken cancellationToken,
        Catalogue? previous = null)
    {
        for (var round = 1; round <= _options.MaxListingRounds; round++)
        {
            var listings = site.PlanListings(stored.Catalogue);
            var before = previous is null ? null
                : site.PlanListings(previous).ToDictionary(file => file.Path, file => file.Inputs, StringComparer.Ordinal);
            // Rendering and writing in the same parallel loop keeps both cores busy and the storage round trips overlapped.
            await Parallel.ForEachAsync(listings,
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelWrites, CancellationToken = cancellationToken },
                async (file, _) =>
                {
                    var changed = before is not null && file.Inputs is not null
                        && (!before.TryGetValue(file.Path, out var was) || was != file.Inputs);
                    if (changed) await writer.WriteChangedAsync(file.Path, file.Render(), SiteObjectPolicy.Listing(file.Path));
                    else await writer.WriteIfChangedAsync(file.Path, file.Render(), SiteObjectPolicy.Listing(file.Path));
                });
            await writer.WriteIfChangedAsync(SitePaths.Feed, site.RenderFeed(stored.Catalogue), SiteObjectPolicy.Listing(SitePaths.Feed));
            await writer.WriteIfChangedAsync(SitePaths.Sitemap, site.RenderSitemap(stored.Catalogue, listings.Select(l => l.Path)),
                SiteObjectPolicy.Listing(SitePaths.Sitemap));
            await writer.WriteIfChangedAsync(SitePaths.NotFound, site.RenderNotFound(), SiteObjectPolicy.Listing(SitePaths.NotFound));

            var now = await store.GetInfoAsync(SitePaths.Catalogue, cancellationToken);
            if (now?.ETag == stored.Info?.ETag)
                return true;
            previous = stored.Catalogue;
            stored = await ReadCatalogueAsync(store, cancellationToken);
        }
        return false;
    }
}
