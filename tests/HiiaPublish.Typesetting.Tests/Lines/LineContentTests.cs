using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using HiiaPublish.Typesetting.Tests.Support;
using static HiiaPublish.Typesetting.Tests.Support.Build;

namespace HiiaPublish.Typesetting.Tests.Lines;

public class LineContentTests
{
    private static readonly string LongText = string.Join(' ', Words(40));

    [Fact]
    public void Each_style_within_a_word_is_its_own_piece_and_the_pieces_touch()
    {
        var document = Document(new ParagraphBlock([Run("hy"), Run("phen", Bold), Run("ation rest")], Ragged, StructureTag.P));

        var line = Layout(document).Lines().Single();

        Assert.Equal(["hy", "phen", "ation ", "rest"], line.Pieces.Select(p => p.Text));
        Assert.Equal([20, 30, 52, 82], line.Pieces.Select(p => p.X));
        Assert.Equal(Bold, line.Pieces[1].Style);
    }

    [Fact]
    public void First_baseline_sits_centred_in_the_leading_below_the_top_margin()
    {
        // Leading 12, 10 pt text with ascent 8 and descent 2: one point of spare leading above, so 20 + 1 + 8.
        var lines = Layout(Document(Para(LongText))).Lines();

        Assert.Equal(29, lines[0].Baseline, 0.001);
        Assert.Equal(41, lines[1].Baseline, 0.001);
    }

    [Theory]
    [InlineData(TextAlignment.Left, 20)]
    [InlineData(TextAlignment.Center, 87.5)]
    [InlineData(TextAlignment.Right, 155)]
    public void Ragged_lines_sit_where_their_alignment_says(TextAlignment alignment, double expectedX)
    {
        var line = Layout(Document(Para("aa bb", new ParagraphStyle(alignment, Leading)))).Lines().Single();
        Assert.Equal(expectedX, line.Left, 0.001);
    }

    [Fact]
    public void Indents_narrow_the_measure_and_justified_lines_meet_the_right_indent()
    {
        var style = Justified with { LeftIndent = 10, RightIndent = 10, FirstLineIndent = 15 };

        var lines = Layout(Document(Para(LongText, style))).Lines();

        Assert.Equal(45, lines[0].Left, 0.001);
        Assert.All(lines.Skip(1), l => Assert.Equal(30, l.Left, 0.001));
        Assert.All(lines.SkipLast(1), l => Assert.Equal(170, l.Right, 0.01));
    }

    [Fact]
    public void A_list_marker_hangs_in_the_negative_first_line_indent_tagged_as_a_label()
    {
        var style = Justified with { LeftIndent = 15, FirstLineIndent = -15 };
        var item = new ParagraphBlock([Run(LongText)], style, StructureTag.LBody) { Marker = Run("•") };

        var page = Layout(Document(item)).Pages[0];
        var texts = page.Elements.OfType<TextElement>().ToList();

        var marker = texts[0];
        Assert.Equal("•", marker.Text);
        Assert.Equal(20, marker.X, 0.001);
        Assert.Equal(StructureTag.Lbl, marker.Structure.Tag);
        Assert.All(texts.Skip(1), t => Assert.Equal(StructureTag.LBody, t.Structure.Tag));
        Assert.Equal(35, texts[1].X, 0.001);
        Assert.Contains(texts, t => t.X == 35 && t.Baseline > texts[1].Baseline);
    }

    [Fact]
    public void A_footnote_mark_is_drawn_in_its_style_with_an_anchor_and_a_link_to_its_note()
    {
        var document = Document(Para(Run("word"), Mark(1, "The note."), Run(" more")));

        var layout = Layout(document);
        var page = layout.Pages[0];
        var mark = page.Elements.OfType<TextElement>().Single(t => t.Style == MarkStyle);

        Assert.Equal("1 ", mark.Text);
        Assert.Equal(40, mark.X, 0.001);
        Assert.Equal(3, mark.Width, 0.001);
        // The painter raises the mark by its style's baseline shift; the element keeps the line's baseline.
        Assert.Equal(29, mark.Baseline, 0.001);
        var anchor = layout.Anchor("mark-1");
        Assert.Equal((40.0, 20.0), (anchor.X, anchor.Y));
        var link = page.Elements.OfType<LinkElement>().Single();
        Assert.Equal(new InternalLink("note-1"), link.Target);
        Assert.Equal(40, link.Area.X, 0.001);
        Assert.Equal(3, link.Area.Width, 0.001);
        Assert.True(link.Area.Bottom <= mark.Baseline, "the link area covers the raised mark");
    }

    [Fact]
    public void Text_of_one_block_shares_one_element_id_and_blocks_differ()
    {
        var layout = Layout(Document(Para(LongText), Para(LongText)));
        var ids = layout.Lines().GroupBy(l => l.ElementId).Select(g => g.Count()).ToList();

        Assert.Equal(2, ids.Count);
        Assert.All(layout.Lines(), l => Assert.Equal(StructureTag.P, l.Tag));
    }
}
