using System.Text;
using System.Xml.Linq;
using HiiaPublish.Site;
using HiiaPublish.Site.Storage;

namespace HiiaPublish.Testing;

/// <summary>What "the site is not broken" means: the catalogue reads, and every link in every page resolves.</summary>
public static class SiteInvariants
{
    public static async Task<IReadOnlyDictionary<string, byte[]>> ReadAllAsync(ISiteStore store)
    {
        var all = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (var path in store.ListAsync("", CancellationToken.None))
            all[path] = (await store.ReadAsync(path, CancellationToken.None))!.Content;
        return all;
    }

    public static async Task AssertConsistentAsync(ISiteStore store)
    {
        var site = await ReadAllAsync(store);
        if (site.TryGetValue(SitePaths.Catalogue, out var catalogueBytes))
        {
            foreach (var entry in CatalogueSerializer.Deserialize(catalogueBytes).Entries)
            {
                Assert.True(site.ContainsKey(entry.LandingPath), $"catalogue lists {entry.LandingPath}, which is missing");
                Assert.True(site.ContainsKey(entry.PdfPath), $"catalogue lists {entry.PdfPath}, which is missing");
                Assert.True(site.ContainsKey(entry.VersionedPdfPath), $"catalogue lists {entry.VersionedPdfPath}, which is missing");
                foreach (var version in entry.PreviousVersions)
                    Assert.True(site.ContainsKey(version.PdfPath), $"previous version {version.PdfPath} is missing");
            }
        }
        foreach (var (path, content) in site.Where(p => p.Key.EndsWith(".html", StringComparison.Ordinal) && p.Key != SitePaths.NotFound))
        {
            var document = HtmlChecks.ParseStrict(content, path);
            foreach (var target in document.QuerySelectorAll("a[href], link[href], img[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!))
            {
                if (target.Contains(':') || target.StartsWith('#')) continue;
                var resolved = Resolve(path, target);
                Assert.True(site.ContainsKey(resolved), $"{path} links to {target} ({resolved}), which is missing");
            }
        }
        if (site.TryGetValue(SitePaths.Feed, out var feed))
            XDocument.Parse(Encoding.UTF8.GetString(feed));
    }

    private static string Resolve(string fromPath, string relative)
    {
        var parts = fromPath.Split('/')[..^1].ToList();
        foreach (var segment in relative.Split('#')[0].Split('/'))
        {
            if (segment == "..") parts.RemoveAt(parts.Count - 1);
            else if (segment is not "." and not "") parts.Add(segment);
        }
        return string.Join('/', parts);
    }
}
