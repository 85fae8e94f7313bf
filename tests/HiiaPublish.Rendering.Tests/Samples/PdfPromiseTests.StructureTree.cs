using System.Text;
using HiiaPublish.Pdf.Audit;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace HiiaPublish.Rendering.Tests.Samples;

public partial class PdfPromiseTests
{
    private static readonly HashSet<string> TextElements = ["P", "H1", "H2", "H3", "H4", "H5", "H6", "LBody", "TD", "TH", "Note"];

    [Theory, MemberData(nameof(Papers))]
    public void StructureTree_GivesEachParagraphsWordsWhole_NoneSplitNorJoined(string name)
    {
        var (perspective, pdf) = Paper(name);
        AssertEveryParagraphWhole(perspective, Tokens(string.Join("\n", StructureTreeTexts(pdf).Select(WithoutSoftHyphens))));
    }

    [Fact]
    public void StructureTreeCheck_FailsWhenTheSoftHyphenStays_WhenItIsAHyphen_AndWhenElementsRunTogether()
    {
        var (perspective, pdf) = AccessiblePaper.Value;
        var texts = StructureTreeTexts(pdf);
        Assert.True(texts.Sum(t => t.Count(c => c == '\u00AD')) > 3, "fewer than three words broken at a line end in the tree's text");
        int Problems(string text)
        {
            var extracted = Tokens(text);
            return SourceParagraphs(perspective).Count(words => MissingWords(extracted, words) is not null);
        }
        Assert.Equal(0, Problems(string.Join("\n", texts.Select(WithoutSoftHyphens))));
        Assert.NotEqual(0, Problems(string.Join("\n", texts)));                                          // "internationalisa\u00ADtion"
        Assert.NotEqual(0, Problems(string.Join("\n", texts.Select(t => t.Replace("\u00AD", "- ")))));   // "Hun- garian"
        Assert.NotEqual(0, Problems(string.Concat(texts.Select(t => WithoutSoftHyphens(t).Trim()))));      // "lastfirst"
    }

    /// <summary>The text with its soft hyphens removed: the word broken at a line end (or between MCIDs) joins.</summary>
    private static string WithoutSoftHyphens(string text) => text.Replace("\u00AD\n", "").Replace("\u00AD", "");

    /// <summary>
    /// The text of each P, H1–H6, LBody, TD, TH and Note element, in the structure tree's order (depth first from
    /// /StructTreeRoot): the letters of its marked content, each MCID looked up on its element's page, a nested
    /// marked-content sequence with /ActualText read as that text instead of its glyphs.
    /// </summary>
    private static List<string> StructureTreeTexts(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        var objects = new PdfObjects(document);
        var pageNumbers = new Dictionary<IndirectReference, int>();
        var pages = objects.Pages();
        for (var i = 0; i < pages.Count; i++)
            if (pages[i].Ref is { } reference)
                pageNumbers[reference] = i + 1;
        var marked = new Dictionary<int, Dictionary<int, string>>();
        Dictionary<int, string> OnPage(int number)
        {
            if (marked.TryGetValue(number, out var found))
                return found;
            var page = document.GetPage(number);
            var order = new Dictionary<Letter, int>(ReferenceEqualityComparer.Instance);
            foreach (var letter in page.Letters)
                order[letter] = order.Count;
            var byMcid = new Dictionary<int, string>();
            void Collect(IEnumerable<MarkedContentElement> elements)
            {
                foreach (var element in elements)
                {
                    if (element.MarkedContentIdentifier >= 0 && !byMcid.ContainsKey(element.MarkedContentIdentifier))
                        byMcid[element.MarkedContentIdentifier] = MarkedText(element, order);
                    Collect(element.Children);
                }
            }
            Collect(page.GetMarkedContents());
            return marked[number] = byMcid;
        }

        var texts = new List<string>();
        foreach (var element in StructureTree.Read(objects).Elements)
        {
            if (!TextElements.Contains(element.StandardType))
                continue;
            var text = new StringBuilder();
            foreach (var (page, mcid) in element.MarkedContent)
            {
                Assert.True(page is { } p && pageNumbers.ContainsKey(p), $"{element.Shown}: MCID {mcid} on no page");
                Assert.True(OnPage(pageNumbers[page!.Value]).TryGetValue(mcid, out var content), $"{element.Shown}: MCID {mcid} is not on page {pageNumbers[page.Value]}");
                text.Append(content).Append('\n');
            }
            texts.Add(text.ToString());
        }
        return texts;
    }

    /// <summary>
    /// A marked-content sequence's text in content-stream order: its own letters and its nested sequences, each nested
    /// sequence that has /ActualText read as that text.
    /// </summary>
    private static string MarkedText(MarkedContentElement element, Dictionary<Letter, int> order)
    {
        var pieces = new List<(int At, string Text)>();
        void Add(MarkedContentElement content, bool top)
        {
            if (!top && content.ActualText is { } actual)
            {
                var first = AllLetters(content).Select(l => order.TryGetValue(l, out var at) ? at : int.MaxValue).DefaultIfEmpty(int.MaxValue).Min();
                pieces.Add((first, actual));
                return;
            }
            foreach (var letter in content.Letters)
                pieces.Add((order.TryGetValue(letter, out var at) ? at : int.MaxValue, letter.Value));
            foreach (var child in content.Children)
                Add(child, false);
        }
        Add(element, true);
        return string.Concat(pieces.OrderBy(p => p.At).Select(p => p.Text));
    }

    private static IEnumerable<Letter> AllLetters(MarkedContentElement content) =>
        content.Letters.Concat(content.Children.SelectMany(AllLetters));
}
