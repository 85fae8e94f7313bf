using System.Globalization;
using System.Text;
using HiiaPublish.Format;

namespace HiiaPublish.Workflow;

/// <summary>
/// One block of a paper as a reader reads it: a front-matter field by name ("title"), a heading, a paragraph, a
/// list item, a figure or a note ("note 3"). The desk compares two revisions block by block and word by word,
/// so an edit shows as the words that changed, never as YAML or Markdown syntax.
/// </summary>
public sealed record ReadableBlock(string Kind, string Name, string Text);

/// <summary>Turns the parsed model into <see cref="ReadableBlock"/>s: the fields first, then the body, then the notes.</summary>
public static class ReadableText
{
    public static IReadOnlyList<ReadableBlock> Of(Perspective paper)
    {
        var blocks = new List<ReadableBlock>();
        var m = paper.Metadata;
        Field(blocks, "title", m.Title);
        Field(blocks, "subtitle", m.Subtitle);
        Field(blocks, "date", m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field(blocks, "language", m.Language.Code());
        Field(blocks, "authors", string.Join("; ", m.Authors.Select(a => a.Role is null ? a.Name : $"{a.Name}, {a.Role}")));
        Field(blocks, "copy editors", string.Join("; ", m.CopyEditors));
        Field(blocks, "keywords", string.Join(", ", m.Keywords));
        Field(blocks, "series", m.Series);
        Field(blocks, "cover", m.Cover is null ? null : string.Join(" · ", new[] { m.Cover.Path, m.Cover.Alt, m.Cover.Credit }.Where(s => !string.IsNullOrWhiteSpace(s))));
        Field(blocks, "abstract", Plain(m.Abstract));

        var section = 0;
        foreach (var block in paper.Body) Body(blocks, block, ref section);
        foreach (var note in paper.Footnotes)
        {
            var text = string.Join(" ", note.Blocks.Select(BlockText).Where(t => t.Length > 0));
            blocks.Add(new ReadableBlock("note", $"note {note.Number}", text));
        }
        return blocks;
    }

    private static void Field(List<ReadableBlock> blocks, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) blocks.Add(new ReadableBlock("field", name, value.Trim()));
    }

    private static void Body(List<ReadableBlock> blocks, Block block, ref int section)
    {
        switch (block)
        {
            case Heading heading:
                if (heading.Level <= 2) section++;
                blocks.Add(new ReadableBlock("heading", heading.Level <= 2 ? $"section {section}" : "subsection", Plain(heading.Content)));
                break;
            case ListBlock list:
                foreach (var item in list.Items) blocks.Add(new ReadableBlock("item", "list item", string.Join(" ", item.Blocks.Select(BlockText))));
                break;
            case BlockQuote quote:
                foreach (var inner in quote.Blocks) blocks.Add(new ReadableBlock("quote", "quotation", BlockText(inner)));
                break;
            case ThematicBreak:
                break;
            default:
                var text = BlockText(block);
                if (text.Length > 0) blocks.Add(new ReadableBlock(block is Figure ? "figure" : block is Table ? "table" : "paragraph",
                    block is Figure ? "figure" : block is Table ? "table" : $"paragraph in section {Math.Max(section, 1)}", text));
                break;
        }
    }

    private static string BlockText(Block block) => block switch
    {
        Paragraph p => Plain(p.Content),
        Heading h => Plain(h.Content),
        Figure f => string.Join(" — ", new[] { f.Alt, f.Caption }.Where(s => !string.IsNullOrWhiteSpace(s))),
        Table t => string.Join(" / ", t.Rows.Select(r => string.Join(" | ", r.Cells.Select(Plain)))),
        ListBlock l => string.Join(" ", l.Items.Select(i => string.Join(" ", i.Blocks.Select(BlockText)))),
        BlockQuote q => string.Join(" ", q.Blocks.Select(BlockText)),
        _ => "",
    };

    private static string Plain(IEnumerable<Inline> inlines)
    {
        var text = new StringBuilder();
        Append(text, inlines);
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Append(StringBuilder text, IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
            switch (inline)
            {
                case Text t: text.Append(t.Value); break;
                case CodeSpan c: text.Append(c.Value); break;
                case Emphasis e: Append(text, e.Content); break;
                case Strong s: Append(text, s.Content); break;
                case Link l: Append(text, l.Content); if (l.IsAutolink is false) text.Append(" <").Append(l.Url).Append('>'); break;
                // A mark, not its number: adding one note renumbers every later one, and that is no edit of theirs.
                case FootnoteReference: text.Append("[note]"); break;
                case LineBreak: text.Append(' '); break;
            }
    }
}
