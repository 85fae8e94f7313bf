using CsCheck;
using HiiaPublish.Typesetting.Hyphenation;
using HiiaPublish.Typesetting.Inline;
using HiiaPublish.Typesetting.LineBreaking;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Tests.Hyphenation;
using HiiaPublish.Typesetting.Tests.Support;
using static HiiaPublish.Typesetting.Tests.Support.Build;

namespace HiiaPublish.Typesetting.Tests.Lines;

public class JustificationTests
{
    private const string Text =
        "Pakistan's relationship with the Taliban has soured over the past two years, as attacks across the border " +
        "multiplied and diplomacy failed to restrain the militants. Islamabad now speaks openly of war, and its army " +
        "has struck targets inside Afghanistan more than once since the spring.";

    private static double RightEdge => Page.MarginLeft + Page.ContentWidth;

    [Fact]
    public void Every_justified_line_but_the_last_ends_exactly_at_the_right_margin()
    {
        var lines = Layout(Document(Para(Text)), Dictionaries.English).Lines();

        Assert.True(lines.Count > 3);
        foreach (var line in lines.SkipLast(1))
        {
            Assert.Equal(Page.MarginLeft, line.Left, 0.01);
            Assert.Equal(RightEdge, line.Right, 0.01);
        }
        Assert.True(lines[^1].Right < RightEdge - 1, "the last line is set at natural spacing");
    }

    [Fact]
    public void No_line_is_overfull_and_every_word_comes_out_once_in_order()
    {
        var lines = Layout(Document(Para(Text)), Dictionaries.English).Lines();

        Assert.All(lines, line => Assert.True(line.Right <= RightEdge + 0.01, $"'{line.Text}' ends at {line.Right}"));
        Assert.Equal(Text.Split(' '), lines.Words());
    }

    [Fact]
    public void A_word_followed_by_a_space_carries_one_space_that_its_width_excludes()
    {
        var line = Layout(Document(Para("aa bb cc", Ragged))).Lines().Single();

        Assert.Equal(["aa ", "bb ", "cc"], line.Pieces.Select(p => p.Text));
        Assert.All(line.Pieces, p => Assert.Equal(10, p.Width, 0.001));
        Assert.Equal([20.0, 35.0, 50.0], line.Pieces.Select(p => p.X));
    }

    [Fact]
    public void Knuth_Plass_finds_fewer_total_demerits_than_first_fit()
    {
        // At this measure first-fit leaves a very loose line that optimum fit avoids by looking ahead.
        var widths = new LineWidths(180, 180);
        var paragraph = Items(Text, widths, Dictionaries.English);
        var sums = new ItemSums(paragraph.Items);

        var optimal = ParagraphLineBreaker.Break(paragraph, widths, TextAlignment.Justify, 10);
        var greedy = FirstFitLineBreaker.Break(paragraph.Items, widths);

        Assert.NotEqual(greedy, optimal);
        Assert.True(KnuthPlassLineBreaker.TotalDemerits(paragraph.Items, sums, widths, optimal)
            < KnuthPlassLineBreaker.TotalDemerits(paragraph.Items, sums, widths, greedy));
    }

    [Fact]
    public void Knuth_Plass_is_never_worse_than_first_fit_on_random_paragraphs()
    {
        var gen = Gen.Select(Gen.Int[5, 120], Gen.Int[60, 240], Gen.Int[0, 1000]);
        gen.Sample((wordCount, width, seed) =>
        {
            var random = new Random(seed);
            var text = string.Join(' ', Enumerable.Range(0, wordCount).Select(_ => new string('x', random.Next(1, 12))));
            var widths = new LineWidths(width, width);
            var paragraph = Items(text, widths, NoHyphenation.Instance);
            var sums = new ItemSums(paragraph.Items);

            var optimal = KnuthPlassLineBreaker.TryBreak(paragraph.Items, sums, widths, new BreakPass(double.PositiveInfinity, 0));
            var greedy = KnuthPlassLineBreaker.TotalDemerits(paragraph.Items, sums, widths, FirstFitLineBreaker.Break(paragraph.Items, widths));

            if (optimal is null)
                Assert.True(double.IsPositiveInfinity(greedy), "optimum fit found nothing where first-fit found a finite layout");
            else
                Assert.True(KnuthPlassLineBreaker.TotalDemerits(paragraph.Items, sums, widths, optimal) <= greedy + 1e-6);
        }, iter: 300);
    }

    private static ParagraphItems Items(string text, LineWidths widths, IHyphenator hyphenator) =>
        new ParagraphItemBuilder(new TextMeasurer(FakeFontMetrics.Instance), new WordBreakFinder(hyphenator))
            .Build([Run(text)], Justified, widths.Narrowest);

    [Fact]
    public void Hyphenated_line_ends_with_a_visible_hyphen_and_still_meets_the_margin()
    {
        var lines = Layout(Document(Para(Text)), Dictionaries.English).Lines();

        var hyphenated = lines.SkipLast(1).Where(l => l.Text.EndsWith('-')).ToList();
        Assert.NotEmpty(hyphenated);
        Assert.All(hyphenated, l => Assert.Equal(RightEdge, l.Right, 0.01));
    }
}
