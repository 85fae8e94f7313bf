using System.Globalization;
using HiiaPublish.Format;
using Scriban.Runtime;

namespace HiiaPublish.Site;

public sealed partial class SiteRenderer
{
    /// <summary>Topic slug → its papers, newest first (the catalogue's order); each paper once per topic.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<CatalogueEntry>> TopicsOf(Catalogue catalogue) =>
        catalogue.Entries
            .SelectMany(e => e.Keywords.Select(Topics.SlugOf).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Select(t => (Topic: t, Entry: e)))
            .GroupBy(x => x.Topic, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CatalogueEntry>)g.Select(x => x.Entry).ToArray(), StringComparer.Ordinal);

    /// <summary>Author slug → their papers, newest first.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<CatalogueEntry>> AuthorsOf(Catalogue catalogue) =>
        catalogue.Entries
            .SelectMany(e => e.Authors.Select(a => Topics.SlugOf(a.Name)).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).Select(a => (Author: a, Entry: e)))
            .GroupBy(x => x.Author, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CatalogueEntry>)g.Select(x => x.Entry).ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// topics/{slug}/index.html and feed.xml, and authors/{slug}/index.html, for the topics and authors named (all
    /// when null): a publish rebuilds only those of the paper it publishes, so the work grows with the paper's
    /// keywords and authors, not with the site.
    /// </summary>
    public IReadOnlyList<PlannedSiteFile> PlanTopicsAndAuthors(Catalogue catalogue, IReadOnlySet<string>? onlyTopics = null,
        IReadOnlySet<string>? onlyAuthors = null)
    {
        var twins = PaperRelations.Twins(catalogue);
        var files = new List<PlannedSiteFile>();
        foreach (var (topic, entries) in TopicsOf(catalogue))
        {
            if (onlyTopics is not null && !onlyTopics.Contains(topic)) continue;
            var newest = entries[0];
            var language = LanguageOf(newest);
            var name = newest.Keywords.First(k => Topics.SlugOf(k) == topic);
            var heading = Labels.For(language).Fill("topic_heading", ("topic", name));
            files.Add(new PlannedSiteFile(SitePaths.Topic(topic), () => RenderCollection(SitePaths.Topic(topic), language, heading, null,
                entries, twins, SitePaths.TopicFeed(topic))));
            files.Add(new PlannedSiteFile(SitePaths.TopicFeed(topic), () => RenderFeed(new Catalogue(entries), SitePaths.TopicFeed(topic),
                $"{Branding.For(language).Series}: {name}", newest.Language)));
        }
        foreach (var (author, entries) in AuthorsOf(catalogue))
        {
            if (onlyAuthors is not null && !onlyAuthors.Contains(author)) continue;
            var newest = entries[0];
            var person = newest.Authors.First(a => Topics.SlugOf(a.Name) == author);
            files.Add(new PlannedSiteFile(SitePaths.Author(author), () => RenderCollection(SitePaths.Author(author), LanguageOf(newest),
                person.Name, person.Role, entries, twins, feedPath: null)));
        }
        return files;
    }

    private byte[] RenderCollection(string path, PaperLanguage language, string heading, string? role,
        IReadOnlyList<CatalogueEntry> entries, IReadOnlyDictionary<string, CatalogueEntry> twins, string? feedPath)
    {
        var labels = Labels.For(language);
        var listing = new ScriptObject
        {
            ["heading"] = heading,
            ["role"] = role,
            ["entries"] = Array(entries.Select(e => ListingEntry(e, path, labels, language, twins.GetValueOrDefault(e.Slug)))),
            ["page_count"] = 1,
            ["other_listing_href"] = null,
            ["feed_href"] = feedPath is null ? null : SitePaths.Relative(path, feedPath),
            ["count_label"] = entries.Count == 1 ? labels["one_paper"] : labels.Fill("papers_count", ("count", entries.Count.ToString(CultureInfo.InvariantCulture))),
        };
        return RenderPage(new PageFrame(path, language, heading, Branding.For(language).RegularPublication, HeadHtml: "",
            SiteTemplate.Listing, new ScriptObject { ["listing"] = listing }, CopyrightYear: entries[0].Year.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>A keyword's topic page and an author's page, relative to <paramref name="fromPath"/>.</summary>
    internal static string TopicHref(string fromPath, string keyword) => SitePaths.Relative(fromPath, SitePaths.Topic(Topics.SlugOf(keyword)));

    internal static string AuthorHref(string fromPath, string name) => SitePaths.Relative(fromPath, SitePaths.Author(Topics.SlugOf(name)));
}
