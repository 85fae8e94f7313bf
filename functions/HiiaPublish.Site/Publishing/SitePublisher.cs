using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Site;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Site.Publishing;

/// <summary>
/// Publishes one approved revision into a site store without ever breaking the site:
/// 1. objects that never change or that nothing points to yet (versioned PDF, images, style sheet; for a paper's
///    first publication also its stable PDF and landing page, which no listing links to yet);
/// 2. the catalogue, perspectives.json: the commit point, a read-modify-write guarded by its ETag and retried
///    on conflict;
/// 3. what readers of an already published paper see, derived from the committed entry: stable PDF and landing
///    page, then listings, feed, sitemap and 404, rebuilt from the catalogue alone.
/// INVARIANT (issue 15): before the commit nothing a reader of the site already sees changes, so a kill or a refused
/// commit (superseded, busy) leaves the catalogue, listings, feed, landing page and stable PDF all describing the
/// revision that was live; after it, everything still to write follows from the catalogue, and a retry of the same
/// revision (the workflow's queue retry, or its sweep) writes exactly that. New outputs go into step 1 when they are
/// immutable or unlinked, else into step 3. Writes whose bytes are already stored are skipped, so publishing the same
/// revision twice writes nothing.
/// </summary>
public sealed partial class SitePublisher(SiteRenderer site, SitePublisherOptions? options = null)
{
    private readonly SitePublisherOptions _options = options ?? new SitePublisherOptions();

    public SiteRenderer Site => site;

    public async Task<PublishResult> PublishAsync(PublicationRequest request, ISiteStore store, CancellationToken cancellationToken)
    {
        var diagnostics = PublicationValidator.Validate(request);
        if (diagnostics.Any(d => d.Severity == Severity.Error))
            return PublishResult.Refused(diagnostics);

        var writer = new SiteWriter(store, cancellationToken);
        var stored = await ReadCatalogueAsync(store, cancellationToken);
        var existing = stored.Catalogue.Find(request.Perspective.Metadata.Slug);
        if (IsSuperseded(request, existing))
            return PublishResult.Refused([.. diagnostics, Superseded(request)]);
        if (SlugCollisions.Check(request, existing) is { } collision)
            return PublishResult.Refused([.. diagnostics, collision]);
        diagnostics.AddRange(CheckTranslation(request, stored.Catalogue));

        var images = PublishedImages.For(request, CatalogueEntryFactory.YearFor(request.Perspective.Metadata, existing));
        var entry = CatalogueEntryFactory.Create(request, images, existing);
        var outcome = existing is null ? PublishOutcome.FirstPublication
            : existing.Revision == request.Revision ? PublishOutcome.AlreadyPublished : PublishOutcome.Correction;

        await WriteImmutableAsync(writer, request, images, entry);
        if (existing is null) await WriteReaderViewsAsync(writer, request, images, entry);
        var commit = await CommitAsync(store, writer, request, images, entry, stored, cancellationToken);
        if (commit.Diagnostic is not null)
            return new PublishResult(PublishOutcome.Refused, [.. diagnostics, commit.Diagnostic], null, writer.WrittenPaths, writer.BytesWritten, commit.Attempts);
        await WriteReaderViewsAsync(writer, request, images, commit.Entry!);

        var settled = await RebuildListingsAsync(store, writer, commit.Stored, cancellationToken, previous: stored.Catalogue);
        await RefreshNeighboursAsync(new(store, writer, cancellationToken), request, images, commit.Stored.Catalogue, commit.Previous);
        if (!settled)
            diagnostics.Add(PublicationDiagnosticCatalog.Report(PublicationDiagnosticCatalog.ListingsStillChanging, request));
        return new PublishResult(outcome, diagnostics, commit.Entry, writer.WrittenPaths, writer.BytesWritten, commit.Attempts);
    }

    /// <summary>Rebuilds listings, feed, sitemap, style sheet and 404 from the stored catalogue, e.g. after a template change.</summary>
    public async Task RebuildAsync(ISiteStore store, CancellationToken cancellationToken)
    {
        var writer = new SiteWriter(store, cancellationToken);
        await writer.WriteIfChangedAsync(SitePaths.StyleSheet, site.RenderStyleSheet(), SiteObjectPolicy.StyleSheet(SitePaths.StyleSheet));
        await RebuildListingsAsync(store, writer, await ReadCatalogueAsync(store, cancellationToken), cancellationToken);
        await RebuildReaderFilesAsync(writer, store, cancellationToken);
    }

    // Step 1: objects under names that are this revision's own (or shared and unchanging): no reader sees them change.
    private async Task WriteImmutableAsync(SiteWriter writer, PublicationRequest request, PublishedImages images, CatalogueEntry entry)
    {
        var suffix = entry.Revision[..12];
        await writer.WriteIfChangedAsync(entry.VersionedPdfPath, request.Pdf, SiteObjectPolicy.Pdf(entry.VersionedPdfPath, versioned: true,
            SiteObjectPolicy.FileNameFromTitle(entry.Title, $" ({suffix}).pdf"), $"{entry.Slug}-{suffix}.pdf"));
        // Immutable or not yet linked, so in any order: the images and the style sheet go out together.
        await Task.WhenAll(images.Files.Select(image => writer.WriteIfChangedAsync(image.Path, image.Content, SiteObjectPolicy.Image(image.Path)))
            .Append(writer.WriteIfChangedAsync(SitePaths.StyleSheet, site.RenderStyleSheet(), SiteObjectPolicy.StyleSheet(SitePaths.StyleSheet))));
    }

    // The stable PDF name, the citation files and the landing page: what a reader of the paper sees (the citation
    // files name the stable PDF and the revision's metadata). For a published paper, only after the commit.
    private async Task WriteReaderViewsAsync(SiteWriter writer, PublicationRequest request, PublishedImages images, CatalogueEntry entry)
    {
        await writer.WriteIfChangedAsync(entry.PdfPath, request.Pdf, SiteObjectPolicy.Pdf(entry.PdfPath, versioned: false,
            SiteObjectPolicy.FileNameFromTitle(entry.Title, ".pdf"), $"{entry.Slug}.pdf"));
        await WriteCitationsAsync(writer, entry);
        await WriteLandingAsync(writer, request, images, entry);
    }

    private Task WriteLandingAsync(SiteWriter writer, PublicationRequest request, PublishedImages images, CatalogueEntry entry) =>
        writer.WriteIfChangedAsync(entry.LandingPath, site.RenderLanding(entry, request.Perspective, images.FigurePaths),
            SiteObjectPolicy.Listing(entry.LandingPath));

    // A revision that a later one already replaced must not come back (a late or repeated delivery).
    private static bool IsSuperseded(PublicationRequest request, CatalogueEntry? existing) =>
        existing is not null && existing.Revision != request.Revision && existing.PreviousVersions.Any(v => v.Revision == request.Revision);

    private static Diagnostic Superseded(PublicationRequest request) =>
        PublicationDiagnosticCatalog.Report(PublicationDiagnosticCatalog.SupersededRevision, request);
}
