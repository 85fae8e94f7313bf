using System.Globalization;
using Azure.Storage.Blobs;
using HiiaPublish.Azure.Storage;
using HiiaPublish.Site;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Workflow.Benchmarks;

/// <summary>
/// A site that has published many papers, for the upload's slug-collision check (HP0720), which reads the whole
/// perspectives.json: the one published paper's entry copied under other slugs, titles and dates, as the publish
/// benchmark does (tests/HiiaPublish.Benchmarks/PublishBenchmarks.cs).
/// </summary>
public static class PublishedCatalogue
{
    /// <summary>Adds <paramref name="papers"/> entries to the catalogue; returns its size in bytes.</summary>
    public static async Task<long> GrowAsync(string connectionString, int papers)
    {
        var store = new BlobSiteStore(new BlobServiceClient(connectionString).GetBlobContainerClient(BlobSiteStore.WebContainerName));
        var current = await store.ReadAsync(SitePaths.Catalogue, default)
            ?? throw new InvalidOperationException("Nothing is published yet to copy an entry from.");
        var published = CatalogueSerializer.Deserialize(current.Content).Entries;
        var seed = published[0];
        var copies = Enumerable.Range(0, papers).Select(i => seed with
        {
            Slug = $"existing-{i:0000}",
            Title = $"Existing paper {i:0000}",
            Date = new DateOnly(2015, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            LandingPath = $"perspectives/2015/existing-{i:0000}/index.html",
            PdfPath = $"perspectives/2015/existing-{i:0000}/existing-{i:0000}.pdf",
            Keywords = [$"topic {i % 600}", $"topic {i * 7 % 600}", $"topic {i * 13 % 600}"],
            Authors = [new CatalogueAuthor($"Author {i % 250}", "Research Fellow")],
        });
        var bytes = CatalogueSerializer.Serialize(new Catalogue(Catalogue.Sorted(published.Concat(copies))));
        var properties = current.Info.Properties ?? new SiteObjectProperties("application/json; charset=utf-8", "public, max-age=300");
        var written = await store.WriteAsync(SitePaths.Catalogue, bytes, properties, WriteCondition.Replacing(current.Info), default);
        if (!written.Succeeded) throw new InvalidOperationException($"Writing the catalogue: {written}.");
        return bytes.Length;
    }

    /// <summary>What the upload's collision check does with the catalogue, alone: read it and find one slug.</summary>
    public static async Task<TimeSpan> TimeOneLookupAsync(string connectionString, string slug)
    {
        var store = new BlobSiteStore(new BlobServiceClient(connectionString).GetBlobContainerClient(BlobSiteStore.WebContainerName));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var stored = await store.ReadAsync(SitePaths.Catalogue, default);
        _ = CatalogueSerializer.Deserialize(stored!.Content).Find(slug);
        return clock.Elapsed;
    }
}
