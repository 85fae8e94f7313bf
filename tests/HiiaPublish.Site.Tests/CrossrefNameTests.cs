using System.Xml.Linq;
using HiiaPublish.Format;
using HiiaPublish.Site.Citations;
using HiiaPublish.Site.Publishing;

namespace HiiaPublish.Site.Tests;

/// <summary>
/// crossref.xml files an author under their family name: the front matter's optional family_name when given (Hungarian
/// order "Kovács Anna", compound names), else the last word of the name.
/// </summary>
public class CrossrefNameTests
{
    private static readonly XNamespace Cr = CrossrefDepositWriter.Namespace;

    [Fact]
    public async Task AFamilyNameInTheFrontMatter_IsTheSurnameCrossrefGets_AndTheRestIsTheGivenName()
    {
        // The English sample with its first author written in Hungarian order and a family_name, its second left alone.
        var file = Path.Combine(RepositoryPaths.Samples, "middle-corridor", "middle-corridor.md");
        var text = File.ReadAllText(file).Replace("  - name: Anna Kovács\n", "  - name: Kovács Anna\n    family_name: Kovács\n", StringComparison.Ordinal);
        Assert.Contains("family_name: Kovács", text, StringComparison.Ordinal);
        var assets = new FolderDraftAssets(Path.GetDirectoryName(file)!);
        var parsed = new PerspectiveParser().Parse(new DraftSource(file, System.Text.Encoding.UTF8.GetBytes(text), assets));
        Assert.NotNull(parsed.Perspective);
        Assert.DoesNotContain(parsed.Diagnostics, d => d.Message.Contains("family_name", StringComparison.Ordinal));
        Assert.Equal(new Author("Kovács Anna", "Research Fellow", "Kovács"), parsed.Perspective!.Metadata.Authors[0]);

        var perspective = parsed.Perspective with { Metadata = parsed.Perspective.Metadata with { Doi = "10.99999/hiia.2026.3" } };
        var store = new InMemorySiteStore();
        var request = PublicationRequest.FromDraft(perspective, TestPapers.FakePdf("family"), pageCount: 9, TestPapers.RevisionOf("family"),
            TestPapers.Noon, assets, file);
        Assert.True((await SiteFixture.Publisher().PublishAsync(request, store, CancellationToken.None)).Published);

        var deposit = XDocument.Parse(System.Text.Encoding.UTF8.GetString((await store.ReadAsync("perspectives/2026/middle-corridor/crossref.xml", default))!.Content));
        var people = deposit.Descendants(Cr + "person_name").Select(p => (p.Element(Cr + "given_name")?.Value, p.Element(Cr + "surname")!.Value)).ToArray();
        Assert.Equal([("Anna", "Kovács"), ("Dániel", "Szőke")], people);
        // The byline keeps the name as written.
        Assert.Contains("Kovács Anna", System.Text.Encoding.UTF8.GetString((await store.ReadAsync("perspectives/2026/middle-corridor/index.html", default))!.Content),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Anna Kovács", null, "Kovács", "Anna")]
    [InlineData("Kovács Anna", "Kovács", "Kovács", "Anna")]
    [InlineData("Gabriel García Márquez", "García Márquez", "García Márquez", "Gabriel")]
    [InlineData("Szent-Györgyi Albert", " Szent-Györgyi ", "Szent-Györgyi", "Albert")]
    [InlineData("Plato", null, "Plato", null)]
    [InlineData("Anna K.", "Kovács", "Kovács", null)]
    public void SplitName_TakesTheFamilyNameWhenGiven_ElseTheLastWord(string name, string? family, string expectedFamily, string? expectedGiven) =>
        Assert.Equal((expectedFamily, expectedGiven), PaperCitation.SplitName(name, family));
}
