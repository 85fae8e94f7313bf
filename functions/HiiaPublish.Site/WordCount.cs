using HiiaPublish.Format;

namespace HiiaPublish.Site;

/// <summary>Words a reader reads: the body's text, tables and captions, not the notes; for the reading time.</summary>
public static class WordCount
{
    // Readers of policy prose manage about 220 words a minute in either language; a paper is at least a minute.
    public const int WordsPerMinute = 220;

    public static int Minutes(int words) => Math.Max(1, (words + WordsPerMinute / 2) / WordsPerMinute);

    public static int Of(Perspective perspective)
    {
        var count = 0;
        foreach (var block in perspective.Body) count += Of(block, depth: 0);
        return count;
    }

    private static int Of(Block block, int depth)
    {
        if (depth > 32) return 0;
        return block switch
        {
            Heading heading => Of(heading.Content),
            Paragraph paragraph => Of(paragraph.Content),
            BlockQuote quote => quote.Blocks.Sum(b => Of(b, depth + 1)),
            ListBlock list => list.Items.Sum(item => item.Blocks.Sum(b => Of(b, depth + 1))),
            Table table => table.Rows.Sum(row => row.Cells.Sum(Of)),
            Figure figure => Words(figure.Caption ?? ""),
            _ => 0,
        };
    }

    private static int Of(IEnumerable<Inline> inlines) => Words(InlineHtmlRenderer.PlainText(inlines));

    private static int Words(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) words++;
            inWord = letter || (inWord && c is '-' or '\'' or '\u2019');
        }
        return words;
    }
}
