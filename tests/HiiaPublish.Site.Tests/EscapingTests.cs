using HiiaPublish.Site.Tests.Support;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using HiiaPublish.Format.Common;
using HiiaPublish.Format;
using HiiaPublish.Site;

namespace HiiaPublish.Site.Tests;

/// <summary>
/// Hostile text in every field a user controls must come out as text in every page, the feed, the sitemap,
/// the catalogue and the JSON-LD: never as markup, script, template code or a link target.
/// </summary>
public class EscapingTests
{
    public static TheoryData<string> Payloads() => new()
    {
        "<script>alert(1)</script>",
        "</script><script>alert(2)</script>",
        "\"><img src=x onerror=alert(3)>",
        "' onmouseover='alert(4)",
        "{{ 7*7 }}",
        "{% raw %}{{ date.now }}",
        "Tom & Jerry <b>bold</b> ]]> <!-- c -->",
        "javascript:alert(5)",
        "Bell\u0007 and \uD800 lone surrogate",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task HostileText_InEveryField_IsPrintedLiterally_Everywhere(string payload)
    {
        var paper = TestPapers.Paper(slug: "hostile", title: "T " + payload, subtitle: "S " + payload,
            authors: [new Author("A " + payload, "R " + payload)], abstractText: "Abs " + payload, keywords: ["K " + payload],
            body: [
                new Heading(1, 2, EquatableList.Of<Inline>(new Text("H " + payload))),
                new Paragraph(2, EquatableList.Of<Inline>(new Text("P " + payload),
                    new Link(payload, EquatableList.Of<Inline>(new Text("link words")), false),
                    new Link("https://example.org/?q=" + payload, EquatableList.Of<Inline>(new Text("safe link")), false))),
                new Figure(3, "fig.png", "Alt " + payload, "Caption " + payload),
            ],
            footnotes: [new Footnote(1, "n", EquatableList.Of<Block>(new Paragraph(5, EquatableList.Of<Inline>(new Text("N " + payload)))), 5)],
            cover: new CoverImage("cover.png", "Cover " + payload, "Credit " + payload));
        var store = new InMemorySiteStore();
        var request = TestPapers.Request(paper, cover: TestPapers.TinyPng(), figures: new Dictionary<string, byte[]> { ["fig.png"] = TestPapers.TinyPng() });
        var result = await SiteFixture.Publisher().PublishAsync(request, store, CancellationToken.None);
        Assert.True(result.Published, string.Join("\n", result.Diagnostics));

        var expectedTitle = "T " + HtmlText.Clean(payload);
        foreach (var (path, stored) in store.Snapshot())
        {
            var text = Encoding.UTF8.GetString(stored.Content);
            if (payload.Contains("{{ 7*7 }}")) Assert.DoesNotContain(" 49", text);
            if (path.EndsWith(".bib", StringComparison.Ordinal))
            {
                // Not markup: the test is that a strict reader gets the very words back.
                var bib = CitationReaders.ReadBibTex(text);
                Assert.Equal("A " + HtmlText.Clean(payload).Replace('\n', ' ').Replace('\t', ' '), bib.Fields["author"]);
                Assert.StartsWith(expectedTitle.Replace('\n', ' ').Replace('\t', ' '), bib.Fields["title"]);
                continue;
            }
            if (path.EndsWith(".ris", StringComparison.Ordinal))
            {
                var ris = CitationReaders.ReadRis(text);
                Assert.Equal(expectedTitle.Replace('\n', ' ').Replace('\t', ' ').Trim(), ris.Single(t => t.Tag == "TI").Value);
                continue;
            }
            Assert.DoesNotContain("<script>alert", text);
            Assert.DoesNotContain("<img src=x", text);
            Assert.DoesNotContain("<b>bold</b>", text);
            if (path.EndsWith(".html", StringComparison.Ordinal))
            {
                var document = HtmlChecks.ParseStrict(stored.Content, path);
                HtmlChecks.AssertNoActiveContent(document, path);
                HtmlChecks.AssertAccessible(document, path);
                if (path.StartsWith("perspectives/", StringComparison.Ordinal))
                {
                    Assert.Equal(expectedTitle, document.QuerySelector("h1")!.TextContent);
                    Assert.Contains("P " + HtmlText.Clean(payload), document.QuerySelector(".paper-body p")!.TextContent);
                    Assert.Equal("Alt " + HtmlText.Clean(payload), document.QuerySelector(".paper-body img")!.GetAttribute("alt"));
                    var jsonLd = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
                    Assert.Equal(expectedTitle, jsonLd.GetProperty("headline").GetString());
                    Assert.Equal("A " + HtmlText.Clean(payload), jsonLd.GetProperty("author")[0].GetProperty("name").GetString());
                }
                else if (path == "index.html")
                {
                    Assert.Equal(expectedTitle, document.QuerySelector(".listing-entry h2")!.TextContent);
                }
            }
            else if (path.EndsWith(".xml", StringComparison.Ordinal))
            {
                var xml = XDocument.Parse(text);
                if (path == SitePaths.Feed)
                    Assert.Equal(expectedTitle, xml.Descendants(XName.Get("entry", "http://www.w3.org/2005/Atom")).Single()
                        .Element(XName.Get("title", "http://www.w3.org/2005/Atom"))!.Value);
            }
            else if (path == SitePaths.Catalogue)
            {
                Assert.Equal(expectedTitle, CatalogueSerializer.Deserialize(stored.Content).Entries.Single().Title);
            }
            else if (path.EndsWith(".json", StringComparison.Ordinal))
            {
                // CSL-JSON: an array of one item.
                var item = JsonDocument.Parse(stored.Content).RootElement.EnumerateArray().Single();
                Assert.StartsWith(expectedTitle, item.GetProperty("title").GetString());
                Assert.Equal("report", item.GetProperty("type").GetString());
            }
        }
    }

    [Theory]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JaVaScRiPt:alert(1)", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData(" javascript:alert(1)", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("vbscript:msgbox", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("&#106;avascript:alert(1)", true)]
    [InlineData("https://example.org/a?b=c#d", true)]
    [InlineData("http://example.org", true)]
    [InlineData("mailto:someone@example.org", true)]
    [InlineData("../other/index.html", true)]
    [InlineData("#section-1", true)]
    public void SafeUrl_AllowsOnlyHttpHttpsMailtoAndRelative(string url, bool allowed) => Assert.Equal(allowed, SafeUrl.IsAllowed(url));

    [Fact]
    public void UnsafeLink_IsRenderedAsItsWords_WithoutAnAnchor()
    {
        var paper = TestPapers.Paper(body: [new Paragraph(1, EquatableList.Of<Inline>(
            new Link("javascript:alert(1)", EquatableList.Of<Inline>(new Text("click me")), false)))], footnotes: []);
        var html = SiteFixture.Renderer.RenderLanding(MinimalEntry(), paper, new Dictionary<string, string>());
        var document = HtmlChecks.ParseStrict(html, "landing");
        var paragraph = document.QuerySelector(".paper-body p")!;
        Assert.Equal("click me", paragraph.TextContent);
        Assert.Null(paragraph.QuerySelector("a"));
    }

    /// <summary>
    /// The templates' own rule: every printed value goes through html.escape unless its name says the code
    /// already made it safe (_html, _json, _css). Catches a forgotten escape before any payload has to.
    /// </summary>
    [Fact]
    public void EveryTemplateOutput_IsEscaped_UnlessMarkedSafe()
    {
        var folder = Path.Combine(SiteFixture.TemplatesDirectory, "site");
        var outputs = new System.Text.RegularExpressions.Regex(@"\{\{(?>-?\s*)(?!#|for |if |end|else)([^}]*?)\s*-?\}\}");
        var offenders = new List<string>();
        foreach (var file in Directory.GetFiles(folder).Where(f => !f.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            foreach (System.Text.RegularExpressions.Match match in outputs.Matches(File.ReadAllText(file)))
            {
                var expression = match.Groups[1].Value;
                if (expression.StartsWith("##", StringComparison.Ordinal)) continue;
                var safe = expression.EndsWith("| html.escape", StringComparison.Ordinal)
                    || System.Text.RegularExpressions.Regex.IsMatch(expression, @"^[a-z_.]+_(html|json|css)$");
                if (!safe) offenders.Add($"{Path.GetFileName(file)}: {{{{ {expression} }}}}");
            }
        }
        Assert.True(offenders.Count == 0, "Unescaped template output:\n" + string.Join("\n", offenders));
    }

    internal static CatalogueEntry MinimalEntry() => new()
    {
        Slug = "open-war", Year = 2026, Title = "T", Authors = [new CatalogueAuthor("A", null)], Date = "2026-04-21", Language = "en",
        AbstractText = "a", AbstractHtml = "a", Keywords = [], LandingPath = SitePaths.Landing(2026, "open-war"),
        PdfPath = SitePaths.Pdf(2026, "open-war"), VersionedPdfPath = SitePaths.VersionedPdf(2026, "open-war", new string('a', 64)),
        PdfBytes = 1000, Pages = 1, Revision = new string('a', 64), Sha256 = new string('b', 64), FirstPublished = TestPapers.Noon, PreviousVersions = [],
    };
}
