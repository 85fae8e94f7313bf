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
    /// topics/{slug}/index.html (and page/2/… past 20 papers) and feed.xml, and authors/{slug}/index.html (and its
    /// pages), for the topics and authors named (all when null): a publish rebuilds only those of the paper it
    /// publishes, so the work grows with the paper's keywords and authors, not with the site.
    /// <paramref name="previous"/> is the revision the publish replaced: its topics and authors that the paper left
    /// are rebuilt too, so a correction that drops a keyword or an author takes the paper off those pages and feeds.
    /// A topic or author left with no paper keeps its address with a page saying so (and an empty feed), because
    /// readers and feed readers may hold the link; the sitemap lists no topic or author pages either way. When a
    /// collection loses its last page, that page is rewritten to say it is past the end, for the same reason.
    /// </summary>
    public IReadOnlyList<PlannedSiteFile> PlanTopicsAndAuthors(Catalogue catalogue, IReadOnlySet<string>? onlyTopics = null,
        IReadOnlySet<string>? onlyAuthors = null, CatalogueEntry? previous = null)
    {
        var twins = PaperRelations.Twins(catalogue);
        var files = new List<PlannedSiteFile>();
        var topics = TopicsOf(catalogue);
        var authors = AuthorsOf(catalogue);
        var leftTopics = LeftBy(previous, previous?.Keywords ?? [], topics);
        var leftAuthors = LeftBy(previous, previous?.Authors.Select(a => a.Name) ?? [], authors);

        foreach (var (topic, entries) in topics)
        {
            if (onlyTopics is not null && !onlyTopics.Contains(topic)) continue;
            var newest = entries[0];
            var name = newest.Keywords.First(k => Topics.SlugOf(k) == topic);
            PlanTopic(files, topic, name, LanguageOf(newest), entries, twins, leftTopics.ContainsKey(topic));
        }
        foreach (var (topic, name) in leftTopics)
        {
            if (topics.ContainsKey(topic) || (onlyTopics is not null && !onlyTopics.Contains(topic))) continue;
            PlanTopic(files, topic, name, LanguageOf(previous!), [], twins, paperLeft: true);
        }
        foreach (var (author, entries) in authors)
        {
            if (onlyAuthors is not null && !onlyAuthors.Contains(author)) continue;
            var newest = entries[0];
            var person = newest.Authors.First(a => Topics.SlugOf(a.Name) == author);
            PlanCollectionPages(files, page => SitePaths.AuthorPage(author, page), LanguageOf(newest), person.Name, person.Role,
                entries, twins, feedPath: null, emptyLabel: "author_empty", leftAuthors.ContainsKey(author));
        }
        foreach (var (author, name) in leftAuthors)
        {
            if (authors.ContainsKey(author) || (onlyAuthors is not null && !onlyAuthors.Contains(author))) continue;
            PlanCollectionPages(files, page => SitePaths.AuthorPage(author, page), LanguageOf(previous!), name, role: null,
                [], twins, feedPath: null, emptyLabel: "author_empty", paperLeft: true);
        }
        return files;
    }

    // Slug → name as the previous revision wrote it, for the topics or authors it had that the published revision lacks.
    private static Dictionary<string, string> LeftBy(CatalogueEntry? previous, IEnumerable<string> names,
        IReadOnlyDictionary<string, IReadOnlyList<CatalogueEntry>> now)
    {
        var left = new Dictionary<string, string>(StringComparer.Ordinal);
        if (previous is null) return left;
        foreach (var name in names)
        {
            var slug = Topics.SlugOf(name);
            if (slug.Length == 0 || left.ContainsKey(slug)) continue;
            if (!now.TryGetValue(slug, out var entries) || !entries.Any(e => e.Slug == previous.Slug))
                left[slug] = name;
        }
        return left;
    }

    private void PlanTopic(List<PlannedSiteFile> files, string topic, string name, PaperLanguage language,
        IReadOnlyList<CatalogueEntry> entries, IReadOnlyDictionary<string, CatalogueEntry> twins, bool paperLeft)
    {
        var heading = Labels.For(language).Fill("topic_heading", ("topic", name));
        PlanCollectionPages(files, page => SitePaths.TopicPage(topic, page), language, heading, null, entries, twins,
            SitePaths.TopicFeed(topic), emptyLabel: "topic_empty", paperLeft);
        var feedLanguage = entries.Count > 0 ? entries[0].Language : language == PaperLanguage.Hungarian ? "hu" : "en";
        files.Add(new PlannedSiteFile(SitePaths.TopicFeed(topic), () => RenderFeed(new Catalogue(entries), SitePaths.TopicFeed(topic),
            $"{Branding.For(language).Series}: {name}", feedLanguage)));
    }

    // The collection's pages, 20 papers each like the listings. When the published paper left this collection, the
    // collection had one paper more before, so the page that paper may have filled is planned too (past the end).
    private void PlanCollectionPages(List<PlannedSiteFile> files, Func<int, string> pagePath, PaperLanguage language, string heading,
        string? role, IReadOnlyList<CatalogueEntry> entries, IReadOnlyDictionary<string, CatalogueEntry> twins, string? feedPath,
        string emptyLabel, bool paperLeft)
    {
        var pageSize = Math.Max(1, Options.ListingPageSize);
        var pageCount = Math.Max(1, (entries.Count + pageSize - 1) / pageSize);
        var formerPageCount = paperLeft ? Math.Max(1, (entries.Count + pageSize) / pageSize) : pageCount;
        for (var page = 1; page <= Math.Max(pageCount, formerPageCount); page++)
        {
            var pageNumber = page;
            files.Add(new PlannedSiteFile(pagePath(page), () => RenderCollection(pagePath, pageNumber, pageCount, language, heading, role,
                entries, twins, feedPath, emptyLabel)));
        }
    }

    private byte[] RenderCollection(Func<int, string> pagePath, int page, int pageCount, PaperLanguage language, string heading,
        string? role, IReadOnlyList<CatalogueEntry> entries, IReadOnlyDictionary<string, CatalogueEntry> twins, string? feedPath, string emptyLabel)
    {
        var labels = Labels.For(language);
        var pageSize = Math.Max(1, Options.ListingPageSize);
        var path = pagePath(page);
        var pastEnd = page > pageCount;
        var shownPages = Math.Max(page, pageCount);
        var pageLabel = labels.Fill("page_of", ("page", page.ToString(CultureInfo.InvariantCulture)),
            ("pages", pageCount.ToString(CultureInfo.InvariantCulture)));
        var listing = new ScriptObject
        {
            ["heading"] = heading,
            ["role"] = role,
            ["entries"] = Array(entries.Skip((page - 1) * pageSize).Take(pageSize)
                .Select(e => ListingEntry(e, path, labels, language, twins.GetValueOrDefault(e.Slug)))),
            ["page_count"] = shownPages,
            ["page_label"] = pastEnd ? "" : pageLabel,
            ["newer_href"] = page > 1 ? SitePaths.Relative(path, pagePath(pastEnd ? pageCount : page - 1)) : null,
            ["older_href"] = page < pageCount ? SitePaths.Relative(path, pagePath(page + 1)) : null,
            ["other_listing_href"] = null,
            ["feed_href"] = feedPath is null ? null : SitePaths.Relative(path, feedPath),
            ["count_label"] = entries.Count == 1 ? labels["one_paper"] : labels.Fill("papers_count", ("count", entries.Count.ToString(CultureInfo.InvariantCulture))),
            ["empty_label"] = pastEnd && entries.Count > 0 ? labels["page_past_end"] : labels[emptyLabel],
            // A topic or author left with no paper is a dead end otherwise: it points the reader to every paper of its language.
            ["all_papers_href"] = entries.Count == 0
                ? SitePaths.Relative(path, SitePaths.ListingPage(language == PaperLanguage.Hungarian ? "hu" : null, 1))
                : null,
        };
        var title = page > 1 ? $"{heading} ({pageLabel})" : heading;
        var copyrightYear = entries.Count > 0 ? entries[0].Year.ToString(CultureInfo.InvariantCulture) : null;
        return RenderPage(new PageFrame(path, language, title, Branding.For(language).RegularPublication, HeadHtml: "",
            SiteTemplate.Listing, new ScriptObject { ["listing"] = listing }, CopyrightYear: copyrightYear));
    }

    /// <summary>A keyword's topic page and an author's page, relative to <paramref name="fromPath"/>.</summary>
    internal static string TopicHref(string fromPath, string keyword) => SitePaths.Relative(fromPath, SitePaths.Topic(Topics.SlugOf(keyword)));

    internal static string AuthorHref(string fromPath, string name) => SitePaths.Relative(fromPath, SitePaths.Author(Topics.SlugOf(name)));
}
