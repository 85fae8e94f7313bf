using CsCheck;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Tests.Hyphenation;
using HiiaPublish.Typesetting.Tests.Support;
using static HiiaPublish.Typesetting.Tests.Support.Build;

namespace HiiaPublish.Typesetting.Tests.Pages;

public class PathologicalInputTests
{
    [Fact]
    public void A_ten_thousand_character_word_is_set_in_full_with_one_warning()
    {
        var word = string.Concat(Enumerable.Range(0, 10_000).Select(i => (char)('a' + i % 26)));

        var layout = Layout(Document(Para(word)), Dictionaries.English);

        Assert.Equal(word, string.Concat(layout.Lines().Select(l => l.Text)));
        Assert.Equal("TS0001", Assert.Single(layout.Warnings).Code);
    }

    [Fact]
    public void A_twenty_thousand_word_paragraph_is_set_in_full()
    {
        var words = Words(20_000);

        var layout = Layout(Document(Para(string.Join(' ', words))), Dictionaries.English);

        Assert.Equal(words, layout.Lines().Words());
    }

    [Fact]
    public void Five_hundred_footnotes_each_sit_on_the_page_of_their_mark()
    {
        var inlines = new List<InlineItem>();
        for (var n = 1; n <= 500; n++)
        {
            inlines.Add(Run((n == 1 ? "" : " ") + string.Join(' ', Words(8, start: n * 8))));
            inlines.Add(Mark(n, string.Join(' ', Words(1 + n % 40, "n", n * 40))));
        }

        var layout = Layout(Document(Para([.. inlines])));

        for (var n = 1; n <= 500; n++)
            Assert.Equal(layout.PageOfAnchor($"mark-{n}"), layout.PageOfAnchor($"note-{n}"));
    }

    [Fact]
    public void Impossible_measures_and_sizes_still_finish()
    {
        var squeezed = Justified with { LeftIndent = 150, RightIndent = 150, FirstLineIndent = -400 };
        var document = Document(
            Para("", Justified),
            Para("words in a column squeezed to nothing by its indents", squeezed),
            Para("zero leading", Justified with { Leading = 0 }),
            new ParagraphBlock([Run("huge", Body with { Size = 400 })], Justified, StructureTag.P),
            new SpaceBlock(10_000),
            new RuleBlock(-5, -1, Color.Black),
            new TableBlock([], [], new TableStyle(-3, 0, Color.Black)),
            new ImageBlock(new ImageSource("empty.png", [], 0, 0), "", 10, 10));

        var layout = Layout(document);

        Assert.NotEmpty(layout.Pages);
        Assert.Contains(layout.Warnings, w => w.Code == "TS0004");
    }

    [Fact]
    public void Random_documents_never_throw_and_lose_no_word()
    {
        var blocks = Gen.Select(Gen.Int[0, 6], Gen.Int[0, 60], Gen.Int[0, 3], Gen.Int[0, 500]).Array[1, 10];
        blocks.Sample(specs =>
        {
            var content = new List<FlowBlock>();
            var expected = new List<string>();
            var next = 0;
            foreach (var (kind, words, alignment, size) in specs)
            {
                var text = Words(words, start: next);
                next += words;
                switch (kind)
                {
                    case 0:
                        content.Add(new PageBreakBlock());
                        break;
                    case 1:
                        content.Add(new FillBlock());
                        break;
                    case 2:
                        content.Add(new SpaceBlock(size));
                        break;
                    default:
                        var style = new ParagraphStyle((TextAlignment)alignment, Leading) { KeepWithNext = kind == 3, KeepTogether = kind == 4 };
                        content.Add(Para(string.Join(' ', text), style));
                        expected.AddRange(text);
                        break;
                }
            }
            var layout = Layout(Document([.. content]), Dictionaries.English);
            Assert.Equal(expected, layout.Lines().Words());
        }, iter: 200);
    }

    [Fact]
    public void A_cancelled_layout_stops_with_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var typesetter = new Typesetter(FakeFontMetrics.Instance);

        Assert.Throws<OperationCanceledException>(() => typesetter.Layout(Document(Para("text")), Dictionaries.English, cancellation.Token));
    }
}
