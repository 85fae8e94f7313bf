using System.Text.Json;
using System.Xml.Linq;
using HiiaPublish.Site.Tests.Support;

namespace HiiaPublish.Site.Tests;

/// <summary>
/// Issue 13 on a site published from the three samples: what a reader, a reference manager, a librarian and a
/// harvester would check in the files themselves.
/// </summary>
public class ReaderSiteTests(SampleSiteFixture fixture) : IClassFixture<SampleSiteFixture>
{
    private const string English = "perspectives/2026/middle-corridor/";
    private const string Twin = "perspectives/2026/kozepso-folyoso/";
    private const string Energy = "perspectives/2026/kozep-europai-energiabiztonsag/";
    private SampleSite Site => fixture.Site;

    private AngleSharp.Dom.IDocument Page(string path) => HtmlChecks.ParseStrict(File.ReadAllBytes(Path.Combine(Site.Folder, path)), path);

    [Fact]
    public void EverySample_IsPublished_TheTwinFirstWithAWarningThatItsOriginalIsNotThereYet()
    {
        Assert.All(Site.Results, r => Assert.True(r.Published, string.Join("\n", r.Diagnostics)));
        Assert.Empty(Site.Results[0].Diagnostics);
        Assert.Empty(Site.Results[1].Diagnostics); // the English paper is already there when its twin comes
    }

    [Fact]
    public void Twins_LinkEachOther_WithHreflang_JsonLd_AndSitemapAlternates()
    {
        var english = Page(English + "index.html");
        var hungarian = Page(Twin + "index.html");

        var toHungarian = english.QuerySelector("a.twin")!;
        Assert.Equal("Magyarul", toHungarian.TextContent);
        Assert.Equal("hu", toHungarian.GetAttribute("hreflang"));
        Assert.Equal("../kozepso-folyoso/index.html", toHungarian.GetAttribute("href"));
        var toEnglish = hungarian.QuerySelector("a.twin")!;
        Assert.Equal("In English", toEnglish.TextContent.Replace("Read in English", "In English"));
        Assert.Equal("../middle-corridor/index.html", toEnglish.GetAttribute("href"));

        Assert.Equal(Site.Url(Twin), english.QuerySelector("link[rel=alternate][hreflang=hu]")!.GetAttribute("href"));
        Assert.Equal(Site.Url(English), hungarian.QuerySelector("link[rel=alternate][hreflang=en]")!.GetAttribute("href"));

        var englishLd = JsonDocument.Parse(english.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        var hungarianLd = JsonDocument.Parse(hungarian.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal(Site.Url(Twin), englishLd.GetProperty("workTranslation").GetProperty("@id").GetString());
        Assert.Equal(Site.Url(English), hungarianLd.GetProperty("translationOfWork").GetProperty("@id").GetString());

        var sitemap = XDocument.Parse(Site.Read("sitemap.xml"));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9", xhtml = "http://www.w3.org/1999/xhtml";
        var url = sitemap.Descendants(sm + "url").Single(u => u.Element(sm + "loc")!.Value == Site.Url(English));
        Assert.Equal([("en", Site.Url(English)), ("hu", Site.Url(Twin))],
            url.Elements(xhtml + "link").Select(l => (l.Attribute("hreflang")!.Value, l.Attribute("href")!.Value)));
    }

    [Fact]
    public void Listings_ListTheirLanguage_WithTeaserCoverPagesAndReadingTime_AndLinkTheTwin()
    {
        var english = Page("index.html");
        var hungarian = Page("hu/index.html");

        Assert.Equal(["The Middle Corridor: Strategic Promise and Practical Bottlenecks"],
            english.QuerySelectorAll(".listing-entry h2").Select(h => h.TextContent));
        Assert.Equal(2, hungarian.QuerySelectorAll(".listing-entry").Length);
        var entry = english.QuerySelector(".listing-entry")!;
        var teaser = entry.QuerySelector(".teaser")!.TextContent;
        Assert.StartsWith("Since 2022 the Trans-Caspian International Transport Route", teaser);
        Assert.True(teaser.Length < 300, $"the teaser is the whole abstract: {teaser}");
        Assert.Null(entry.QuerySelector("em")); // not italic: the abstract's emphasis stays on the paper's page
        Assert.NotNull(entry.QuerySelector("img.thumb[src$='.png']"));
        Assert.Contains("9 pages", entry.QuerySelector(".entry-facts")!.TextContent);
        Assert.Matches(@"\d+ min read", entry.QuerySelector(".entry-facts")!.TextContent);
        Assert.Equal("perspectives/2026/kozepso-folyoso/index.html", entry.QuerySelector(".entry-facts a[hreflang=hu]")!.GetAttribute("href"));
        Assert.Equal("Anna Kovács and Dániel Szőke", entry.QuerySelector(".authors")!.TextContent);
        Assert.Equal("hu/index.html", english.QuerySelector(".listing-other a")!.GetAttribute("href"));
        Assert.Equal("../index.html", hungarian.QuerySelector(".listing-other a")!.GetAttribute("href"));
    }

    [Fact]
    public void Pages_HaveTheSiteNameInTheTitle_AFavicon_AndTheDownloadAtTopAndEnd()
    {
        var page = Page(English + "index.html");
        Assert.Equal("The Middle Corridor: Strategic Promise and Practical Bottlenecks — HIIA", page.Title);
        Assert.Equal("Közép-Európa energiabiztonsága: diverzifikáció, hálózatok, tartalékok — MKI", Page(Energy + "index.html").Title);
        Assert.Equal("../../../assets/favicon.svg", page.QuerySelector("link[rel=icon]")!.GetAttribute("href"));
        Assert.True(File.Exists(Path.Combine(Site.Folder, "assets/favicon.svg")));
        var downloads = page.QuerySelectorAll(".download a").ToArray();
        Assert.Equal(2, downloads.Length);
        Assert.All(downloads, d => Assert.Matches(@"^Download PDF \(9 pages, 1 KB\)$", d.TextContent));
        // The second one comes after the last section of the text.
        Assert.True(page.QuerySelector(".paper-body")!.CompareDocumentPosition(downloads[1]).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.Matches(@"\d+ min read", page.QuerySelector(".reading-time")!.TextContent);
    }

    [Fact]
    public void SoftHyphens_BreakLongWords_InBothLanguages_NeverInAddressesOrHeadings()
    {
        foreach (var path in new[] { English + "index.html", Twin + "index.html" })
        {
            var page = Page(path);
            var body = page.QuerySelector(".paper-body")!.TextContent;
            var longWords = body.Split(' ', '\n').Where(w => w.Replace("\u00AD", "").Count(char.IsLetter) >= 12).ToArray();
            Assert.NotEmpty(longWords);
            Assert.True(longWords.Count(w => w.Contains('\u00AD')) * 10 >= longWords.Length * 8, $"{path}: long words without soft hyphens: {string.Join(", ", longWords.Where(w => !w.Contains('\u00AD')).Take(10))}");
            Assert.Contains('\u00AD', page.QuerySelector(".abstract p")!.TextContent);
            Assert.Contains('\u00AD', page.QuerySelector(".footnotes")!.TextContent);
            Assert.All(page.QuerySelectorAll("a[href]"), a => Assert.DoesNotContain('\u00AD', a.GetAttribute("href")!));
            Assert.All(page.QuerySelectorAll(".footnotes a[href^='http']"), a => Assert.DoesNotContain('\u00AD', a.TextContent));
            Assert.All(page.QuerySelectorAll("h1, h2, h3"), h => Assert.DoesNotContain('\u00AD', h.TextContent));
        }
        // Hungarian breaks where Hungarian does, never inside a digraph such as "sz" or "gy".
        var hungarianText = Page(Twin + "index.html").QuerySelector(".paper-body")!.TextContent;
        // (Ordinal: a culture-aware comparison ignores the soft hyphen and would find "sz" itself.)
        Assert.Contains("inf\u00ADra\u00ADstruk\u00ADtú\u00ADra\u00ADfej\u00ADlesz\u00ADté\u00ADsi", hungarianText, StringComparison.Ordinal);
        Assert.Contains("áru\u00ADszál\u00ADlí\u00ADtás", hungarianText, StringComparison.Ordinal);
        Assert.DoesNotContain("s\u00ADz", hungarianText, StringComparison.Ordinal);
        Assert.DoesNotContain("g\u00ADy", hungarianText, StringComparison.Ordinal);
    }

    [Fact]
    public void CiteThisPaper_FormatsTheCitation_WithNumberIssnAndDoi_AndHighwireTags()
    {
        var page = Page(English + "index.html");
        Assert.Equal("Anna Kovács and Dániel Szőke, “The Middle Corridor: Strategic Promise and Practical Bottlenecks: What the Trans-Caspian route can and cannot do for trade between Europe and Asia,” HIIA Perspective 2026/3, Hungarian Institute of International Affairs, March 17, 2026, https://doi.org/" + SampleSite.EnglishDoi + ".",
            page.QuerySelector("#citation-text")!.TextContent);
        Assert.Equal("citation-text", page.QuerySelector("button.copy-button")!.GetAttribute("data-copy-target"));
        Assert.Equal(["middle-corridor.bib", "middle-corridor.ris", "middle-corridor.json"],
            page.QuerySelectorAll(".citation-files a").Select(a => a.GetAttribute("href")));
        Assert.Equal("HIIA Perspective 2026/3", page.QuerySelector(".paper-header .series")!.TextContent);
        string Meta(string name) => page.QuerySelector($"meta[name='{name}']")!.GetAttribute("content")!;
        Assert.Equal("2026/3", Meta("citation_technical_report_number"));
        Assert.Equal(SampleSite.EnglishIssn, Meta("citation_issn"));
        Assert.Equal(SampleSite.EnglishDoi, Meta("citation_doi"));
        Assert.Equal("Hungarian Institute of International Affairs", Meta("citation_technical_report_institution"));
        Assert.Contains("ISSN" + SampleSite.EnglishIssn, page.QuerySelector(".identifiers")!.TextContent.Replace(" ", ""));

        var hungarian = Page(Twin + "index.html");
        Assert.StartsWith("Anna Kovács és Dániel Szőke: „A Középső Folyosó", hungarian.QuerySelector("#citation-text")!.TextContent);
        Assert.Equal(SampleSite.HungarianIssn, hungarian.QuerySelector("meta[name='citation_issn']")!.GetAttribute("content"));
        Assert.Null(hungarian.QuerySelector("meta[name='citation_doi']"));
    }

    [Fact]
    public void CitationFiles_ParseStrictly_AndSayWhatThePageSays()
    {
        var bib = CitationReaders.ReadBibTex(Site.Read(English + "middle-corridor.bib"));
        Assert.Equal("techreport", bib.Type);
        Assert.Equal("middle-corridor", bib.Key);
        Assert.Equal("Anna Kovács and Dániel Szőke", bib.Fields["author"]);
        Assert.Equal("Hungarian Institute of International Affairs", bib.Fields["institution"]);
        Assert.Equal("HIIA Perspective", bib.Fields["type"]);
        Assert.Equal("2026/3", bib.Fields["number"]);
        Assert.Equal(SampleSite.EnglishDoi, bib.Fields["doi"]);
        Assert.Equal(Site.Url(English), bib.Fields["url"]);
        Assert.Equal(SampleSite.EnglishIssn, bib.Fields["issn"]);
        Assert.DoesNotContain("number", CitationReaders.ReadBibTex(Site.Read(Energy + "kozep-europai-energiabiztonsag.bib")).Fields.Keys);

        var ris = CitationReaders.ReadRis(Site.Read(English + "middle-corridor.ris"));
        Assert.Equal("RPRT", ris[0].Value);
        Assert.Equal(["Anna Kovács", "Dániel Szőke"], ris.Where(t => t.Tag == "AU").Select(t => t.Value));
        Assert.Equal(SampleSite.EnglishDoi, ris.Single(t => t.Tag == "DO").Value);
        Assert.Equal("2026/3", ris.Single(t => t.Tag == "IS").Value);
        Assert.Equal("2026/03/17", ris.Single(t => t.Tag == "DA").Value);

        var csl = JsonDocument.Parse(Site.Read(English + "middle-corridor.json")).RootElement.EnumerateArray().Single();
        Assert.Equal("report", csl.GetProperty("type").GetString());
        Assert.Equal(SampleSite.EnglishDoi, csl.GetProperty("DOI").GetString());
        Assert.Equal("2026/3", csl.GetProperty("number").GetString());
        Assert.Equal([2026, 3, 17], csl.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal(["Anna Kovács", "Dániel Szőke"], csl.GetProperty("author").EnumerateArray().Select(a => a.GetProperty("literal").GetString()));
    }

    [Fact]
    public void CrossrefDeposit_IsWrittenForThePaperWithADoi_Only()
    {
        XNamespace cr = "http://www.crossref.org/schema/5.3.1";
        var deposit = XDocument.Parse(Site.Read(English + "crossref.xml"));
        Assert.Equal("5.3.1", deposit.Root!.Attribute("version")!.Value);
        var metadata = deposit.Descendants(cr + "report-paper_series_metadata").Single();
        Assert.Equal(SampleSite.EnglishIssn, metadata.Element(cr + "series_metadata")!.Element(cr + "issn")!.Value);
        Assert.Equal(SampleSite.EnglishDoi, metadata.Element(cr + "doi_data")!.Element(cr + "doi")!.Value);
        Assert.Equal(Site.Url(English), metadata.Element(cr + "doi_data")!.Element(cr + "resource")!.Value);
        Assert.Equal(["Kovács", "Szőke"], metadata.Descendants(cr + "surname").Select(s => s.Value));
        Assert.Equal("2026/3", metadata.Descendants(cr + "item_number").Single().Value);
        Assert.False(File.Exists(Path.Combine(Site.Folder, Twin, "crossref.xml")));
    }

    [Fact]
    public void TopicPages_ListTheirPapersNewestFirst_WithAFeed_AndPapersLinkThem()
    {
        var paper = Page(English + "index.html");
        var keywordLinks = paper.QuerySelectorAll(".keywords a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToArray();
        Assert.Contains(("Global Gateway", "../../../topics/global-gateway/index.html"), keywordLinks);
        Assert.Contains(("Central Asia", "../../../topics/central-asia/index.html"), keywordLinks);

        // "Global Gateway" is a keyword of the English paper and of its Hungarian twin.
        var topic = Page("topics/global-gateway/index.html");
        Assert.Equal(["../../perspectives/2026/kozepso-folyoso/index.html", "../../perspectives/2026/middle-corridor/index.html"],
            topic.QuerySelectorAll(".listing-entry h2 a").Select(a => a.GetAttribute("href")));
        Assert.Equal("feed.xml", topic.QuerySelector(".listing-other a[type='application/atom+xml']")!.GetAttribute("href"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(Site.Read("topics/global-gateway/feed.xml"));
        Assert.Equal(Site.Url("topics/global-gateway/feed.xml"), feed.Root!.Element(atom + "id")!.Value);
        Assert.Equal(2, feed.Root.Elements(atom + "entry").Count());
        Assert.Single(Page("topics/foldgaz/index.html").QuerySelectorAll(".listing-entry"));
    }

    [Fact]
    public void AuthorPages_GiveTheRole_AndEveryPaper_AndPapersLinkThem()
    {
        var paper = Page(English + "index.html");
        Assert.Equal("../../../authors/anna-kovacs/index.html", paper.QuerySelector("a.author-name")!.GetAttribute("href"));
        var author = Page("authors/anna-kovacs/index.html");
        Assert.Equal("Anna Kovács", author.QuerySelector("h1")!.TextContent);
        Assert.False(string.IsNullOrWhiteSpace(author.QuerySelector(".subtitle")!.TextContent));
        Assert.Equal(2, author.QuerySelectorAll(".listing-entry").Length);
        Assert.Single(Page("authors/eszter-urmenyi/index.html").QuerySelectorAll(".listing-entry"));
    }

    [Fact]
    public void OaiStaticRepository_IsValidXml_WithADublinCoreRecordPerPaper()
    {
        XNamespace sr = "http://www.openarchives.org/OAI/2.0/static-repository", oai = "http://www.openarchives.org/OAI/2.0/",
            oaiDc = "http://www.openarchives.org/OAI/2.0/oai_dc/", dc = "http://purl.org/dc/elements/1.1/";
        var repository = XDocument.Parse(Site.Read("oai.xml"));
        Assert.Equal(sr + "Repository", repository.Root!.Name);
        Assert.Equal("2.0", repository.Root.Element(sr + "Identify")!.Element(oai + "protocolVersion")!.Value);
        var records = repository.Descendants(oai + "record").ToArray();
        Assert.Equal(3, records.Length);
        var english = records.Single(r => r.Descendants(dc + "identifier").Any(i => i.Value == Site.Url(English))).Descendants(oaiDc + "dc").Single();
        Assert.Equal("en", english.Element(dc + "language")!.Value);
        Assert.Equal(["Anna Kovács", "Dániel Szőke"], english.Elements(dc + "creator").Select(c => c.Value));
        Assert.Contains(english.Elements(dc + "identifier"), i => i.Value == Site.Url(English + "middle-corridor.pdf"));
        Assert.Contains(english.Elements(dc + "identifier"), i => i.Value == "https://doi.org/" + SampleSite.EnglishDoi);
        Assert.Equal("2026-03-17", english.Element(dc + "date")!.Value);
    }

    [Fact]
    public void NotFoundPage_SpeaksBothLanguages_WithLinksThatWorkFromAnyDepth()
    {
        var page = Page("404.html");
        Assert.Equal("Page not found", page.QuerySelector("section[lang=en] h1")!.TextContent);
        Assert.Equal("Az oldal nem található", page.QuerySelector("section[lang=hu] h2")!.TextContent);
        Assert.All(page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => !h.StartsWith("https://hiia.hu", StringComparison.Ordinal) && !h.StartsWith('#')),
            href => Assert.StartsWith(new Uri(Site.Folder + "/").AbsoluteUri, href));
        Assert.StartsWith(new Uri(Site.Folder + "/").AbsoluteUri, page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
    }

    [Fact]
    public void NothingTechnical_IsInThePublicFolder()
    {
        var files = Directory.GetFiles(Site.Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetFileName(f)).ToArray();
        Assert.DoesNotContain(files, f => f.StartsWith('.') || f.Contains("lock", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".hiia-tmp", StringComparison.Ordinal));
        Assert.True(File.Exists(LocalFolderSiteStoreLockPath()), "the publisher's lock file is not beside the folder");
    }

    private string LocalFolderSiteStoreLockPath() => Storage.LocalFolderSiteStore.LockPathFor(Site.Folder);
}
