using CsCheck;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Tests.Support;
using static HiiaPublish.Typesetting.Tests.Support.Build;

namespace HiiaPublish.Typesetting.Tests.Flow;

public class KeepTests
{
    // A page holds 21 lines of 12 pt.
    private static ParagraphBlock Lines(int words, int start, double spaceBefore = 0) =>
        Para(string.Join(' ', Words(words, start: start)), Justified with { SpaceBefore = spaceBefore });

    private static readonly Gen<FlowBlock[]> RandomBody =
        Gen.Select(Gen.Int[1, 120], Gen.Int[0, 2], Gen.Int[0, 18]).Array[1, 14].Select(specs =>
        {
            var blocks = new List<FlowBlock>();
            var next = 0;
            foreach (var (words, headings, space) in specs)
            {
                for (var h = 0; h < headings; h++)
                    blocks.Add(HeadingBlock($"Heading {Letters(next++)}", h == 0 ? StructureTag.H2 : StructureTag.H3));
                blocks.Add(Lines(words, next, space));
                next += words;
            }
            return blocks.ToArray();
        });

    [Fact]
    public void No_page_starts_or_ends_with_a_single_line_of_a_paragraph()
    {
        RandomBody.Sample(blocks =>
        {
            var lines = Layout(Document(blocks)).Lines();
            foreach (var paragraph in lines.Where(l => l.Tag == StructureTag.P).GroupBy(l => l.ElementId))
            {
                var perPage = paragraph.GroupBy(l => l.Page).Select(g => g.Count()).ToList();
                if (perPage.Count == 1)
                    continue;
                Assert.True(perPage[0] >= 2, $"orphan: one line of paragraph {paragraph.Key} left at a page foot");
                Assert.True(perPage[^1] >= 2, $"widow: one line of paragraph {paragraph.Key} carried to a page top");
            }
        }, iter: 150);
    }

    [Fact]
    public void Headings_never_end_a_page_and_sit_with_two_lines_of_what_follows()
    {
        RandomBody.Sample(blocks =>
        {
            var lines = Layout(Document(blocks)).Lines();
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].Tag is not (StructureTag.H2 or StructureTag.H3))
                    continue;
                var next = lines.Skip(i + 1).FirstOrDefault(l => l.Tag == StructureTag.P);
                Assert.NotNull(next);
                var followers = lines.Where(l => l.ElementId == next.ElementId).Take(2);
                Assert.All(followers, f => Assert.Equal(lines[i].Page, f.Page));
            }
        }, iter: 150);
    }

    [Fact]
    public void A_paragraph_shorter_than_widow_plus_orphan_lines_moves_whole()
    {
        // 19 lines, then a 3-line paragraph: two of its lines would fit, but 3 < 2 + 2, so all three move.
        var lines = Layout(Document(ExactLines(19, 0), ExactLines(3, 100))).Lines();

        Assert.Equal(22, lines.Count);
        Assert.All(lines.Take(19), l => Assert.Equal(1, l.Page));
        Assert.All(lines.Skip(19), l => Assert.Equal(2, l.Page));
    }

    [Fact]
    public void A_paragraph_splits_leaving_at_least_two_lines_on_each_side()
    {
        // 18 lines, then 4: three would fit, but one alone would then open page 2, so only two stay.
        var lines = Layout(Document(ExactLines(18, 0), ExactLines(4, 100))).Lines();

        Assert.Equal([20, 2], lines.GroupBy(l => l.Page).Select(g => g.Count()));
    }

    [Fact]
    public void Keep_together_moves_a_block_that_would_split()
    {
        var lines = Layout(Document(ExactLines(17, 0), ExactLines(5, 100, Justified with { KeepTogether = true }))).Lines();

        Assert.Equal([17, 5], lines.GroupBy(l => l.Page).Select(g => g.Count()));
    }

    [Fact]
    public void A_chain_of_headings_moves_with_the_first_two_lines_of_its_text()
    {
        var lines = Layout(Document(ExactLines(19, 0), HeadingBlock("Part", StructureTag.H2), HeadingBlock("Section", StructureTag.H3), ExactLines(5, 100))).Lines();

        Assert.Equal([StructureTag.H2, StructureTag.H3, StructureTag.P, StructureTag.P, StructureTag.P],
            lines.Where(l => l.Page == 2).Select(l => l.Tag).Take(5));
        Assert.Equal(StructureTag.P, lines.Last(l => l.Page == 1).Tag);
    }

    [Fact]
    public void Space_before_is_dropped_at_the_top_of_a_page_but_kept_elsewhere()
    {
        var layout = Layout(Document(Lines(4, 0, spaceBefore: 30), Lines(4, 100, spaceBefore: 30), new PageBreakBlock(), Lines(4, 200, spaceBefore: 30)));
        var lines = layout.Lines();

        Assert.Equal(29, lines[0].Baseline, 0.001);
        Assert.Equal(29 + 12 + 30, lines[1].Baseline, 0.001);
        Assert.Equal((2, 29.0), (lines[2].Page, lines[2].Baseline));
    }

    [Fact]
    public void A_page_break_starts_a_new_page_and_never_an_empty_one()
    {
        var layout = Layout(Document(new PageBreakBlock(), Lines(4, 0), new PageBreakBlock(), new PageBreakBlock(), Lines(4, 100), new PageBreakBlock()));

        Assert.Equal(2, layout.Pages.Count);
        Assert.Equal([1, 2], layout.Lines().Select(l => l.Page));
    }
}
