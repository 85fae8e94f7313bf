using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using HiiaPublish.Typesetting.Tests.Support;
using static HiiaPublish.Typesetting.Tests.Support.Build;

namespace HiiaPublish.Typesetting.Tests.Pages;

public class PageTests
{
    private static readonly PageNumberStyle Numbers = new(Body, 10, TextAlignment.Center);

    private static TypesetDocument WithNumbers(params PageSequence[] sequences) => Document(sequences) with { PageNumbers = Numbers };

    [Fact]
    public void Page_numbers_count_every_page_but_the_cover_shows_none_when_its_sequence_says_so()
    {
        var document = WithNumbers(
            new PageSequence("cover", [Para("Title")]) { ShowPageNumbers = false },
            new PageSequence("body", [ExactLines(30, 0)]));

        var layout = Layout(document);

        Assert.Equal([1, 2, 3], layout.Pages.Select(p => p.Number));
        Assert.Equal([null, "2", "3"], layout.Pages.Select(p => p.PageNumberText));
        Assert.DoesNotContain(layout.Pages[0].Elements, e => e.Structure.Tag == StructureTag.Artifact);
        var number = layout.Pages[2].Elements.OfType<TextElement>().Single(t => t.Structure == StructureRef.Artifact);
        Assert.Equal(("3", 290.0, 97.5), (number.Text, number.Baseline, number.X));
    }

    [Fact]
    public void Each_sequence_starts_a_new_page_with_its_own_geometry()
    {
        var fullBleed = new PageGeometry(200, 300, 0, 0, 0, 0);
        var document = Document([new PageSequence("cover", [Para("Cover")]) { Geometry = fullBleed }, new PageSequence("body", [Para("Text")])]);

        var lines = Layout(document).Lines();

        Assert.Equal((1, 0.0), (lines[0].Page, lines[0].Left));
        Assert.Equal((2, 20.0), (lines[1].Page, lines[1].Left));
    }

    [Fact]
    public void Decorations_are_drawn_first_on_every_page_of_their_sequence_as_artifacts()
    {
        var band = new FilledRectDecoration(new Rect(0, 0, 200, 15), new Color(0, 51, 102));
        var layout = Layout(Document([new PageSequence("body", [ExactLines(30, 0)]) { Decorations = [band] }]));

        Assert.Equal(2, layout.Pages.Count);
        Assert.All(layout.Pages, page =>
        {
            var first = Assert.IsType<FilledRectElement>(page.Elements[0]);
            Assert.Equal((band.Area, band.Fill, StructureRef.Artifact), (first.Area, first.Fill, first.Structure));
        });
    }

    [Fact]
    public void Fills_share_the_free_height_of_a_page_equally()
    {
        var layout = Layout(Document(Para("Top"), new FillBlock(), Para("Middle"), new FillBlock(), Para("Bottom")));
        var lines = layout.Lines();

        // 260 − 3 × 12 = 224 free, 112 per fill.
        Assert.Equal([29.0, 29 + 12 + 112, 29 + 24 + 224], lines.Select(l => l.Baseline));
    }

    [Theory]
    [InlineData(VerticalPlacement.Top, 29)]
    [InlineData(VerticalPlacement.Center, 29 + 112)]
    [InlineData(VerticalPlacement.Bottom, 29 + 224)]
    public void A_one_page_sequence_is_placed_as_its_placement_says(VerticalPlacement placement, double firstBaseline)
    {
        var imprint = new PageSequence("imprint", [Para("HIIA Perspective"), Para("Publisher"), Para("Author")]) { Placement = placement };

        var lines = Layout(Document([imprint])).Lines();

        Assert.Equal(firstBaseline, lines[0].Baseline, 0.001);
    }

    [Fact]
    public void Placement_does_not_move_a_sequence_that_spans_pages()
    {
        var lines = Layout(Document([new PageSequence("body", [ExactLines(25, 0)]) { Placement = VerticalPlacement.Bottom }])).Lines();

        Assert.Equal(29, lines.First(l => l.Page == 2).Baseline, 0.001);
    }

    [Fact]
    public void Anchors_and_outline_entries_mark_the_top_of_a_blocks_first_line()
    {
        var heading = HeadingBlock("2. The military outlook") with { AnchorId = "sec-2", Outline = new OutlineInfo("2. The military outlook", 1), Style = Heading with { LeftIndent = 5 } };
        var layout = Layout(Document(ExactLines(20, 0), heading, ExactLines(3, 100)));

        var anchor = layout.Anchor("sec-2");
        Assert.Equal(2, layout.PageOfAnchor("sec-2"));
        Assert.Equal((25.0, 20.0), (anchor.X, anchor.Y));
        var entry = Assert.Single(layout.Outline);
        Assert.Equal(new OutlineEntry("2. The military outlook", 1, 2, 20), entry);
    }

    [Fact]
    public void Laying_out_twice_gives_the_same_pages()
    {
        var document = WithNumbers(new PageSequence("body",
            [HeadingBlock("Heading"), Para(Run("Text with a note"), Mark(1, "The note."), Run(" " + string.Join(' ', Words(300))))]));

        Assert.Equal(Describe(Layout(document)), Describe(Layout(document)));
    }

    [Fact]
    public void One_typesetter_serves_parallel_layouts_with_identical_results()
    {
        var typesetter = new Typesetter(FakeFontMetrics.Instance);
        var document = WithNumbers(new PageSequence("body", [Para(Run(string.Join(' ', Words(400))), Mark(1, "A note."), Run(" hyphenation international"))]));
        var expected = Describe(typesetter.Layout(document, Hyphenation.Dictionaries.English));

        var results = new List<string>[16];
        Parallel.For(0, results.Length, i => results[i] = Describe(typesetter.Layout(document, Hyphenation.Dictionaries.English)));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static List<string> Describe(LaidOutDocument layout) =>
        [.. layout.Pages.SelectMany(p => p.Elements.Select(e => $"{p.Number} {e} {e.Structure.ElementId} {string.Join(",", e.Structure.Containers)}")
            .Concat(p.Anchors.Select(a => a.ToString())))];
}
