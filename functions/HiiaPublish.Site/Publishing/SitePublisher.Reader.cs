using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Site.Citations;

namespace HiiaPublish.Site.Publishing;

// What issue 13 adds to a publish: the shared assets (fonts, favicon, script), each paper's citation files and
// Crossref deposit, the translation check, and the landing pages whose twin or related papers changed.
public sealed partial class SitePublisher
{
    /// <summary>
    /// Fonts, favicon and script: the same bytes on every publish, so after the first they cost a read each; those
    /// reads go out together (nothing among the assets links another before it exists: every page comes later).
    /// </summary>
    private async Task WriteAssetsAsync(SiteWriter writer) =>
        await Parallel.ForEachAsync(site.RenderAssets(), new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelWrites },
            async (asset, _) => await writer.WriteIfChangedAsync(asset.Path, asset.Content,
                asset.Path.EndsWith(".html", StringComparison.Ordinal) ? SiteObjectPolicy.Listing(asset.Path) : SiteObjectPolicy.StyleSheet(asset.Path)));

    /// <summary>{slug}.bib, .ris, .json and (with a DOI) crossref.xml beside the PDF, before any page links them.</summary>
    private async Task WriteCitationsAsync(SiteWriter writer, CatalogueEntry entry)
    {
        await WriteAssetsAsync(writer);
        var citation = PaperCitation.For(entry, site);
        // The four files name nothing of each other, so they go out together; the page that links them comes after.
        var writes = new List<Task>
        {
            writer.WriteIfChangedAsync(SitePaths.Citation(entry.Year, entry.Slug, "bib"), BibTexWriter.Write(citation),
                SiteObjectPolicy.Listing(SitePaths.Citation(entry.Year, entry.Slug, "bib"))),
            writer.WriteIfChangedAsync(SitePaths.Citation(entry.Year, entry.Slug, "ris"), RisWriter.Write(citation),
                SiteObjectPolicy.Listing(SitePaths.Citation(entry.Year, entry.Slug, "ris"))),
            writer.WriteIfChangedAsync(SitePaths.Citation(entry.Year, entry.Slug, "json"), CslJsonWriter.Write(citation),
                SiteObjectPolicy.Listing(SitePaths.Citation(entry.Year, entry.Slug, "json"))),
        };
        if (CrossrefDepositWriter.Write(citation, site.Branding.Crossref, entry.Revision, entry.LastPublished) is { } deposit)
            writes.Add(writer.WriteIfChangedAsync(SitePaths.CrossrefDeposit(entry.Year, entry.Slug), deposit,
                SiteObjectPolicy.Listing(SitePaths.CrossrefDeposit(entry.Year, entry.Slug))));
        await Task.WhenAll(writes);
    }

    /// <summary>A translation_of that cannot link: said with the field's position; the paper is published all the same.</summary>
    private static IEnumerable<Diagnostic> CheckTranslation(PublicationRequest request, Catalogue catalogue)
    {
        var metadata = request.Perspective.Metadata;
        if (metadata.TranslationOf is null) yield break;
        var language = metadata.Language == Format.PaperLanguage.Hungarian ? "hu" : "en";
        var problem = PaperRelations.Check(catalogue, metadata.Slug, language, metadata.TranslationOf);
        var at = metadata.TranslationOfAt;
        var languageName = metadata.Language == Format.PaperLanguage.Hungarian ? "Hungarian" : "English";
        var diagnostic = problem switch
        {
            TwinProblem.Missing => PublicationDiagnosticCatalog.TwinMissing.At(request.DiagnosticFile, at.Line, at.Column, metadata.TranslationOf),
            TwinProblem.SameLanguage => PublicationDiagnosticCatalog.TwinSameLanguage.At(request.DiagnosticFile, at.Line, at.Column, metadata.TranslationOf, languageName),
            TwinProblem.AlreadyTwinned => PublicationDiagnosticCatalog.TwinTaken.At(request.DiagnosticFile, at.Line, at.Column, metadata.TranslationOf),
            _ => null,
        };
        if (diagnostic is not null) yield return diagnostic;
    }

    /// <summary>
    /// After the commit: the paper's page with its twin and related papers as the catalogue now has them, and its
    /// twin's page (rendered again from its published HTML, since its draft is not at hand) so both link each other.
    /// </summary>
    private async Task RefreshNeighboursAsync(PublishScope access, PublicationRequest request, PublishedImages images, Catalogue catalogue,
        CatalogueEntry? previous)
    {
        var entry = catalogue.Find(request.Perspective.Metadata.Slug);
        if (entry is null || entry.Revision != request.Revision) return;
        await WriteIndexesAsync(access.Writer, catalogue, entry, previous);
        var neighbours = PaperRelations.For(catalogue, entry);
        await access.Writer.WriteIfChangedAsync(entry.LandingPath, site.RenderLanding(entry, request.Perspective, images.FigurePaths, neighbours),
            SiteObjectPolicy.Listing(entry.LandingPath));
        if (neighbours.Twin is not { } twin) return;
        var published = await access.Store.ReadAsync(twin.LandingPath, access.CancellationToken);
        if (published is null) return;
        var again = site.RenderLandingAgain(twin, published.Content, PaperRelations.For(catalogue, twin));
        if (again is not null)
            await access.Writer.WriteIfChangedAsync(twin.LandingPath, again, SiteObjectPolicy.Listing(twin.LandingPath));
    }

    /// <summary>
    /// oai.xml, and the topic and author pages of <paramref name="only"/> and of the revision it replaced (all of them
    /// when null, as after a template change): the pages a paper appears on or has just left, rendered and written
    /// in parallel.
    /// </summary>
    private async Task WriteIndexesAsync(SiteWriter writer, Catalogue catalogue, CatalogueEntry? only, CatalogueEntry? previous = null)
    {
        var topics = only?.Keywords.Concat(previous?.Keywords ?? []).Select(Topics.SlugOf).ToHashSet(StringComparer.Ordinal);
        var authors = only?.Authors.Concat(previous?.Authors ?? []).Select(a => Topics.SlugOf(a.Name)).ToHashSet(StringComparer.Ordinal);
        var files = site.PlanTopicsAndAuthors(catalogue, topics, authors, previous);
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelWrites },
            async (file, _) => await writer.WriteIfChangedAsync(file.Path, file.Render(), SiteObjectPolicy.Listing(file.Path)));
        await writer.WriteIfChangedAsync(SitePaths.OaiRepository, Harvesting.OaiStaticRepositoryWriter.Write(catalogue, site),
            SiteObjectPolicy.Listing(SitePaths.OaiRepository));
    }

    /// <summary>Everything <see cref="RebuildAsync"/> adds for issue 13: assets, every topic and author page, oai.xml.</summary>
    private async Task RebuildReaderFilesAsync(SiteWriter writer, Storage.ISiteStore store, CancellationToken cancellationToken)
    {
        await WriteAssetsAsync(writer);
        await WriteIndexesAsync(writer, (await ReadCatalogueAsync(store, cancellationToken)).Catalogue, only: null);
    }

    private sealed record PublishScope(Storage.ISiteStore Store, SiteWriter Writer, CancellationToken CancellationToken);
}
