using HiiaPublish.Format;
using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Site;
using HiiaPublish.Site.Publishing;
using static HiiaPublish.Format.Diagnostics.DiagnosticDescriptor;

namespace HiiaPublish.Workflow;

public sealed partial class WorkflowService
{
    // Issue 15: a slug that another paper already has is refused at upload, so the editor hears it before a copy
    // editor reviews a paper that could never be published. HP0720 and HP0721 are the publisher's own (the same
    // question, asked of the same catalogue); HP0722 is known only here, where the drafts in review are.
    internal static readonly DiagnosticDescriptor SlugTakenByDraftInReview = Error("HP0722", "Slug taken by a draft in review",
        "The web address '{0}' belongs to \"{1}\" by {2}, a draft in review (revision {3}); this draft, \"{4}\" by {5}, is another paper (other title, other authors), so uploading it would make it that draft's next revision. Give this draft its own 'slug:'; if it is that draft's next revision, keep its title or an author.");

    // The catalogue as last read, with the ETag it was read at. At 5,000 papers perspectives.json is about 15 MB and
    // reading and parsing it took about 110 ms of every upload (docs/performance.md, "Upload within a second"); asking
    // for its ETag costs one small request, and the copy is used only while the ETag is unchanged, so an upload never
    // checks against a catalogue older than the one stored when it asks. One reference, swapped whole: no lock needed.
    private PublishedCatalogue? _catalogue;

    private sealed record PublishedCatalogue(string ETag, Catalogue Catalogue);

    /// <summary>
    /// The catalogue's entry for the slug. A catalogue this program cannot read is the operator's problem, not the
    /// editor's: the upload goes on as if nothing were published (the publisher, which must read it, says so loudly).
    /// </summary>
    private async Task<CatalogueEntry?> PublishedEntryAsync(string slug, CancellationToken cancellationToken)
    {
        var info = await site.GetInfoAsync(SitePaths.Catalogue, cancellationToken);
        if (info is null) return null;
        if (_catalogue is { } cached && cached.ETag == info.ETag) return cached.Catalogue.Find(slug);
        var stored = await site.ReadAsync(SitePaths.Catalogue, cancellationToken);
        if (stored is null) return null;
        try
        {
            var catalogue = CatalogueSerializer.Deserialize(stored.Content);
            _catalogue = new PublishedCatalogue(stored.Info.ETag, catalogue);
            return catalogue.Find(slug);
        }
        catch (InvalidDataException e)
        {
            WorkflowTelemetry.CatalogueUnreadable(logger, slug, e);
            return null;
        }
    }

    /// <summary>
    /// The diagnostic that refuses this draft its slug, or null: checked against the published paper at that address
    /// (as the publisher will), and when none is published, against the draft in review there. A revision already
    /// on the site (its own retry) and a `corrects:` naming a published paper always pass.
    /// </summary>
    private async Task<Diagnostic?> SlugCollisionAsync(PerspectiveMetadata metadata, string revision, string sourceFile,
        CancellationToken cancellationToken)
    {
        var published = await PublishedEntryAsync(metadata.Slug, cancellationToken);
        if (SlugCollisions.Check(metadata, revision, sourceFile, published) is { } refusal) return refusal;
        if (published is not null || metadata.Corrects is not null) return null;

        var head = await revisions.GetHeadAsync(metadata.Slug, cancellationToken);
        if (head is null || head.Head.LatestRevision == revision) return null;
        var inReview = (await revisions.GetAsync(metadata.Slug, head.Head.LatestRevision, cancellationToken))?.Record;
        // Records written before authors were kept cannot be compared fairly, so they are given the benefit of the doubt.
        if (inReview?.Title is null || inReview.Authors is null) return null;
        var authors = metadata.Authors.Select(a => a.Name).ToArray();
        if (SlugCollisions.SamePaper(metadata.Title, authors, inReview.Title, inReview.Authors)) return null;
        var numbers = DraftStates.Numbers(await revisions.ListRevisionsAsync(metadata.Slug, cancellationToken));
        return SlugTakenByDraftInReview.At(sourceFile, 1, 1, metadata.Slug, inReview.Title, string.Join(", ", inReview.Authors),
            numbers.TryGetValue(inReview.Revision, out var number) ? number : 1, metadata.Title, string.Join(", ", authors));
    }
}
