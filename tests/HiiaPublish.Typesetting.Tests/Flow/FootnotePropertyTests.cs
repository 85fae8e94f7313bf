using CsCheck;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using HiiaPublish.Typesetting.Tests.Support;
using static HiiaPublish.Typesetting.Tests.Support.Build;

namespace HiiaPublish.Typesetting.Tests.Flow;

public class FootnotePropertyTests
{
    private const double Epsilon = 0.001;

    /// <summary>A generated paper: its document and the words a reader must find, body and notes, in order.</summary>
    private sealed record Paper(TypesetDocument Document, List<string> BodyTokens, List<string> NoteTokens, int Notes);

    // Paragraphs of 1–200 words with 0–3 marks each; notes of 1–300 words (past about 200, a note alone is taller than a page).
    private static readonly Gen<Paper> Papers =
        Gen.Select(Gen.Int[1, 200], Gen.Int[0, 1000].Array[0, 3], Gen.Int[1, 300].Array[3]).Array[1, 8].Select(Compose);

    private static Paper Compose((int Words, int[] MarkAt, int[] NoteWords)[] specs)
    {
        var blocks = new List<FlowBlock>();
        var body = new List<string>();
        var notes = new List<string>();
        int bodyWord = 0, noteWord = 0, number = 0;
        foreach (var (words, markAt, noteWords) in specs)
        {
            var inlines = new List<InlineItem>();
            var marked = markAt.Select(m => m % words).ToHashSet();
            foreach (var (word, i) in Words(words, "b", bodyWord).Select((w, i) => (w, i)))
            {
                inlines.Add(Run(i == 0 ? word : " " + word));
                var token = word;
                if (marked.Contains(i))
                {
                    number++;
                    var noteText = Words(noteWords[number % 3], "n", noteWord);
                    noteWord += noteText.Length;
                    notes.AddRange(noteText);
                    inlines.Add(Mark(number, string.Join(' ', noteText)));
                    token += number;
                }
                body.Add(token);
            }
            bodyWord += words;
            blocks.Add(Para([.. inlines]));
        }
        return new Paper(Document([.. blocks]), body, notes, number);
    }

    [Fact]
    public void Notes_sit_on_the_page_of_their_mark_below_the_text_and_every_word_appears_once()
    {
        Papers.Sample(paper =>
        {
            var layout = Layout(paper.Document);

            for (var n = 1; n <= paper.Notes; n++)
                Assert.Equal(layout.PageOfAnchor($"mark-{n}"), layout.PageOfAnchor($"note-{n}"));

            var lines = layout.Lines();
            Assert.Equal(paper.BodyTokens, lines.Where(l => l.Tag == StructureTag.P).Words());
            // A split note continues on the next page after later notes began: read each note as a whole, in order of its start.
            var notes = lines.Where(l => l.Tag == StructureTag.Note).GroupBy(l => l.ElementId).SelectMany(g => g);
            Assert.Equal(paper.NoteTokens, notes.Words());

            Assert.True(layout.Pages.Count <= lines.Count, "more pages than lines");
            foreach (var page in layout.Pages)
                AssertPageGeometry(page);
        }, iter: 250);
    }

    private static void AssertPageGeometry(LaidOutPage page)
    {
        var lines = page.Lines();
        Assert.NotEmpty(lines);  // no empty pages: page count is bounded by the number of lines
        var body = lines.Where(l => l.Tag == StructureTag.P).ToList();
        var notes = lines.Where(l => l.Tag == StructureTag.Note).ToList();
        Assert.All(lines, l => Assert.True(l.Top >= Page.MarginTop - Epsilon, $"page {page.Number}: line above the top margin"));
        Assert.All(lines, l => Assert.True(l.Bottom <= Page.Height - Page.MarginBottom + Epsilon, $"page {page.Number}: line below the bottom margin"));
        if (body.Count > 0 && notes.Count > 0)
            Assert.True(body.Max(l => l.Bottom) <= notes.Min(l => l.Top) + Epsilon, $"page {page.Number}: a note rises into the text");
        var ordered = lines.OrderBy(l => l.Top).ToList();
        for (var i = 1; i < ordered.Count; i++)
            Assert.True(ordered[i].Top >= ordered[i - 1].Bottom - Epsilon, $"page {page.Number}: lines overlap");
        if (notes.Count > 0)
        {
            var rule = page.Elements.OfType<RuleElement>().Single();
            Assert.Equal(StructureTag.Artifact, rule.Structure.Tag);
            Assert.True(rule.Y1 < notes.Min(l => l.Top) && (body.Count == 0 || rule.Y1 > body.Max(l => l.Bottom)));
        }
    }
}
