using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Tests.Support;
using static HiiaPublish.Typesetting.Tests.Support.Build;

namespace HiiaPublish.Typesetting.Tests.Flow;

/// <summary>
/// TeX's \brokenpenalty: a page had better not end with a hyphenated word. A page holds 21 lines of 12 pt;
/// the paragraphs below put a line ending in a hyphen where the page would naturally end.
/// </summary>
public class BrokenPenaltyTests
{
    // 32 characters to a line: "xxxxxxxxxxxxxxxxxxxxxxxxx" (25) + " ab" fits, the rest of the word does not.
    private const string HyphenatedPair = "xxxxxxxxxxxxxxxxxxxxxxxxx ab\u00ADcdefgh short";
    private const string UnhyphenatedPair = "xxxxxxxxxxxxxxxxxxxxxxxxx ab\ncdefgh short";

    /// <summary>Forced lines of one word each, then the two-line pair as lines <paramref name="before"/>+1 and +2, then two more.</summary>
    private static ParagraphBlock Paragraph(int before, string pair, int start = 0, ParagraphStyle? style = null)
    {
        var items = new List<InlineItem>();
        foreach (var word in Words(before, start: start))
        {
            if (items.Count > 0) items.Add(new LineBreakItem());
            items.Add(Run(word));
        }
        var halves = pair.Split('\n');
        for (var h = 0; h < halves.Length; h++)
        {
            if (items.Count > 0) items.Add(new LineBreakItem());
            items.Add(Run(halves[h]));
        }
        foreach (var word in Words(2, start: start + 500))
        {
            items.Add(new LineBreakItem());
            items.Add(Run(word));
        }
        return new ParagraphBlock(items, style ?? Ragged, StructureTag.P);
    }

    [Fact]
    public void Without_a_hyphen_the_page_ends_after_its_21st_line()
    {
        // The control: the same lines, the 21st ending in a whole word, fill the page.
        var lines = Layout(Document(Paragraph(20, UnhyphenatedPair))).Lines();

        Assert.Equal(21, lines.Count(l => l.Page == 1));
        Assert.Equal("xxxxxxxxxxxxxxxxxxxxxxxxx ab", lines.Last(l => l.Page == 1).Text);
    }

    [Fact]
    public void A_page_whose_natural_break_follows_a_hyphenated_line_ends_a_line_earlier()
    {
        var lines = Layout(Document(Paragraph(20, HyphenatedPair))).Lines();

        var first = lines.Where(l => l.Page == 1).ToList();
        Assert.Equal(20, first.Count);
        Assert.False(first[^1].Text.EndsWith('-'), $"page 1 ends with “{first[^1].Text}”");
        Assert.Equal("xxxxxxxxxxxxxxxxxxxxxxxxx ab-", lines.First(l => l.Page == 2).Text);
    }

    [Fact]
    public void A_hyphen_at_an_explicit_dash_counts_too()
    {
        // "Sino-" | "Pakistani": the word's own hyphen ends the line.
        var lines = Layout(Document(Paragraph(20, "xxxxxxxxxxxxxxxxxxxxxxxx Sino-Pakistani ties"))).Lines();

        Assert.Equal("xxxxxxxxxxxxxxxxxxxxxxxx Sino-", lines.First(l => l.Page == 2).Text);
        Assert.False(lines.Last(l => l.Page == 1).Text.EndsWith('-'));
    }

    [Fact]
    public void The_penalty_is_not_a_ban_a_page_six_lines_short_would_be_worse_than_the_hyphen()
    {
        // 15 lines, then a paragraph that may not break before its 6th line: the only break before the hyphenated
        // line leaves the page 6 lines (72 pt) short, badness 1382 against the penalty's 500.
        var lines = Layout(Document(
            ExactLines(15, 0),
            Paragraph(5, HyphenatedPair, start: 100, style: Ragged with { MinLinesBeforeBreak = 6 }))).Lines();

        Assert.Equal(21, lines.Count(l => l.Page == 1));
        Assert.Equal("xxxxxxxxxxxxxxxxxxxxxxxxx ab-", lines.Last(l => l.Page == 1).Text);
    }
}
