using HiiaPublish.Format.Common;
using HiiaPublish.Format;
using HiiaPublish.Format.Tests.Support;
using static HiiaPublish.Format.Common.EquatableList;

namespace HiiaPublish.Format.Tests.Format;

/// <summary>What a valid draft becomes: the model every later stage reads.</summary>
public class PerspectiveModelTests
{
    private const string FullDraft = """
        ---
        title: 'From Sanctuary to "Open War": How Pakistan Soured on the Taliban'
        subtitle: A short history
        date: 2026-04-21
        authors:
          - name: Zsolt Trembeczki
            role: Visiting Fellow
          - Anna Kovács
        copy_editors: [Péter Szabó, Kiss Éva]
        abstract: >
          Pakistan's *long* bargain -- once close -- has turned into "open war".
        keywords: [Pakistan, Taliban]
        cover:
          image: cover.png
          alt: Mountains
          credit: Shutterstock
        ---

        ## From friction to "open warfare"

        Second note first[^b], then the first[^a], then [^b] again.

        ### The border

        3. Torkham
        4. Chaman

        - one

        > Quoted.

        | Year | Incidents |
        |:-----|----------:|
        | 2024 | *many* |

        ![A map](map.png "The Durand Line")

        ---

        [^a]: Note A, with <https://example.org/a>.
        [^b]: Note B.

            Its second paragraph.
        """;

    private static readonly MemoryDraftAssets Images = new(new Dictionary<string, byte[]>
    {
        ["cover.png"] = Drafts.PngBytes,
        ["map.png"] = Drafts.PngBytes,
    });

    [Fact]
    public void Metadata_HoldsEveryFieldWithAuthorsRolesAndTypography()
    {
        var metadata = Drafts.ParseValid(FullDraft, Images).Metadata;

        Assert.Equal("From Sanctuary to \u201COpen War\u201D: How Pakistan Soured on the Taliban", metadata.Title);
        Assert.Equal("A short history", metadata.Subtitle);
        Assert.Equal(new DateOnly(2026, 4, 21), metadata.Date);
        Assert.Equal(PaperLanguage.English, metadata.Language);
        Assert.Equal(Of(new Author("Zsolt Trembeczki", "Visiting Fellow"), new Author("Anna Kovács", null)), metadata.Authors);
        Assert.Equal(Of("Péter Szabó", "Kiss Éva"), metadata.CopyEditors);
        Assert.Equal(Of("Pakistan", "Taliban"), metadata.Keywords);
        Assert.Equal(new CoverImage("cover.png", "Mountains", "Shutterstock"), metadata.Cover);
        Assert.Equal("from-sanctuary-to-open-war-how-pakistan-soured-on-the-taliban", metadata.Slug);
        Assert.Equal("HIIA Perspective", metadata.Series);
        Assert.Equal(
            Of<Inline>(new Text("Pakistan\u2019s "), new Emphasis(Of<Inline>(new Text("long"))),
                new Text(" bargain \u2013 once close \u2013 has turned into \u201Copen war\u201D.")),
            metadata.Abstract);
    }

    [Fact]
    public void Body_BecomesSectionsListsQuotesTablesFiguresAndBreaks()
    {
        var body = Drafts.ParseValid(FullDraft, Images).Body;

        Assert.Equal(new Heading(19, 2, Of<Inline>(new Text("From friction to \u201Copen warfare\u201D"))), body[0]);
        Assert.Equal(new Heading(23, 3, Of<Inline>(new Text("The border"))), body[2]);
        var ordered = Assert.IsType<ListBlock>(body[3]);
        Assert.True(ordered.Ordered);
        Assert.Equal(3, ordered.Start);
        Assert.Equal(new ListItem(Of<Block>(new Paragraph(26, Of<Inline>(new Text("Chaman"))))), ordered.Items[1]);
        Assert.False(Assert.IsType<ListBlock>(body[4]).Ordered);
        Assert.Equal(new BlockQuote(30, Of<Block>(new Paragraph(30, Of<Inline>(new Text("Quoted."))))), body[5]);

        var table = Assert.IsType<Table>(body[6]);
        Assert.Equal(Of(ColumnAlignment.Left, ColumnAlignment.Right), table.Columns);
        Assert.True(table.Rows[0].IsHeader);
        Assert.Equal(Of<Inline>(new Text("Incidents")), table.Rows[0].Cells[1]);
        Assert.Equal(new TableRow(false, Of(Of<Inline>(new Text("2024")), Of<Inline>(new Emphasis(Of<Inline>(new Text("many")))))), table.Rows[1]);

        Assert.Equal(new Figure(36, "map.png", "A map", "The Durand Line"), body[7]);
        Assert.Equal(new ThematicBreak(38), body[8]);
    }

    [Fact]
    public void Footnotes_AreNumberedByFirstReference_AndMayHaveSeveralParagraphs()
    {
        var perspective = Drafts.ParseValid(FullDraft, Images);

        Assert.Equal(
            Of<Inline>(new Text("Second note first"), new FootnoteReference(1), new Text(", then the first"),
                new FootnoteReference(2), new Text(", then "), new FootnoteReference(1), new Text(" again.")),
            Assert.IsType<Paragraph>(perspective.Body[1]).Content);

        Assert.Equal([1, 2], perspective.Footnotes.Select(f => f.Number));
        Assert.Equal(["b", "a"], perspective.Footnotes.Select(f => f.Label));
        Assert.Equal(2, perspective.Footnotes[0].Blocks.Count);
        Assert.Equal(
            Of<Inline>(new Text("Note A, with "),
                new Link("https://example.org/a", Of<Inline>(new Text("https://example.org/a")), IsAutolink: true), new Text(".")),
            Assert.IsType<Paragraph>(perspective.Footnotes[1].Blocks[0]).Content);
    }

    [Fact]
    public void HungarianPaper_GetsHungarianQuotesSlugAndSeries()
    {
        var perspective = Drafts.ParseValid("""
            ---
            title: Árvíztűrő tükörfúrógép és az "Ősz"
            date: 2026-05-02
            language: hu
            authors: Kovács Anna
            abstract: A "nyitás" politikája.
            ---

            Az "Unió" és a '90-es évek.
            """);

        Assert.Equal(PaperLanguage.Hungarian, perspective.Metadata.Language);
        Assert.Equal("Árvíztűrő tükörfúrógép és az \u201EŐsz\u201D", perspective.Metadata.Title);
        Assert.Equal("arvizturo-tukorfurogep-es-az-osz", perspective.Metadata.Slug);
        Assert.Equal("MKI Nézőpont", perspective.Metadata.Series);
        Assert.Equal(Of(new Author("Kovács Anna", null)), perspective.Metadata.Authors);
        Assert.Equal(Of<Inline>(new Text("Az \u201EUnió\u201D és a \u201990-es évek.")), Assert.IsType<Paragraph>(perspective.Body[0]).Content);
    }

    [Fact]
    public void RawHtml_IsKeptAsVisibleTextWithAWarning()
    {
        var result = Drafts.Parse(Drafts.Header() + "Text with <b>bold</b>.\n");

        Assert.Equal(["HP0035", "HP0035"], result.Diagnostics.Select(d => d.Code));
        Assert.Equal(Of<Inline>(new Text("Text with <b>bold</b>.")), Assert.IsType<Paragraph>(result.Perspective!.Body[0]).Content);
    }

    [Fact]
    public void TypographyLeavesCodeSpansAndUrlsAlone()
    {
        var body = Drafts.ParseValid(Drafts.Header() + "Use `\"x\" -- y` at https://example.org/a--b and... \"then\"\n").Body;

        Assert.Equal(
            Of<Inline>(new Text("Use "), new CodeSpan("\"x\" -- y"), new Text(" at "),
                new Link("https://example.org/a--b", Of<Inline>(new Text("https://example.org/a--b")), IsAutolink: true),
                new Text(" and\u2026 \u201Cthen\u201D")),
            Assert.IsType<Paragraph>(body[0]).Content);
    }

    [Fact]
    public void SameDraft_ParsesToEqualModelsTwice()
    {
        Assert.Equal(Drafts.ParseValid(FullDraft, Images), Drafts.ParseValid(FullDraft, Images));
    }

    [Fact]
    public void ExplicitSlug_IsKept()
    {
        Assert.Equal("pakistan-2026", Drafts.ParseValid(Drafts.Header("slug: pakistan-2026") + "Text.\n").Metadata.Slug);
    }
}
