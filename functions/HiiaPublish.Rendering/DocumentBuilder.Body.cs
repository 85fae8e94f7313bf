using System.Globalization;
using HiiaPublish.Format;
using HiiaPublish.Typesetting.Model;
using Model = HiiaPublish.Format;

namespace HiiaPublish.Rendering;

internal sealed partial class DocumentBuilder
{
    // Lists and quotations step in by this much: about three ems of body text, room for "10." markers.
    private const double IndentStep = 20;
    // Room for a marker up to "10." in body text, with a space after it.
    private const double MarkerHang = 16;

    private IEnumerable<FlowBlock> Body(Perspective perspective, CultureInfo culture, RenderContext context)
    {
        var notes = perspective.Footnotes.ToDictionary(n => n.Number);
        var inlines = new InlineBuilder(style, notes, culture);
        inlines.BuildNote = (note, markAnchor) => NoteParagraphs(note, markAnchor, inlines);

        var section = 0;
        var blocks = new List<FlowBlock>();
        foreach (var block in perspective.Body)
        {
            if (block is Heading { Level: 2 })
                section++;
            blocks.AddRange(Convert(block, inlines, culture, context, section, []));
        }
        return blocks;
    }

    private IEnumerable<FlowBlock> Convert(Block block, InlineBuilder inlines, CultureInfo culture, RenderContext context,
        int section, IReadOnlyList<StructureContainer> containers, double indent = 0)
    {
        switch (block)
        {
            case Heading { Level: 2 } heading:
            {
                var number = section.ToString(CultureInfo.InvariantCulture) + ". ";
                var runs = new List<InlineItem> { new TextRun(number, style.SectionHeading) };
                runs.AddRange(inlines.Build(heading.Content, style.SectionHeading, upperCase: true));
                yield return new ParagraphBlock(runs, style.SectionHeadingParagraph, StructureTag.H2)
                {
                    SourceLine = heading.Line,
                    Outline = new OutlineInfo(number + PlainText(heading.Content), 1),
                    Containers = containers,
                };
                break;
            }
            case Heading heading:
                yield return new ParagraphBlock(inlines.Build(heading.Content, style.Subheading), style.SubheadingParagraph, StructureTag.H3)
                {
                    SourceLine = heading.Line,
                    Outline = new OutlineInfo(PlainText(heading.Content), 2),
                    Containers = containers,
                };
                break;
            case Model.Paragraph paragraph:
                yield return new ParagraphBlock(inlines.Build(paragraph.Content, style.Body), Indented(style.BodyParagraph, indent), StructureTag.P)
                {
                    SourceLine = paragraph.Line,
                    Containers = containers,
                };
                break;
            case BlockQuote quote:
            {
                List<StructureContainer> inside = [.. containers, new StructureContainer(StructureTag.BlockQuote, context.NextStructureId())];
                foreach (var child in quote.Blocks)
                    foreach (var converted in Convert(child, inlines, culture, context, section, inside, indent + IndentStep))
                        yield return converted is ParagraphBlock p ? p with { Style = p.Style with { RightIndent = IndentStep } } : converted;
                break;
            }
            case ListBlock list:
                foreach (var converted in ListItems(list, inlines, culture, context, section, containers, indent))
                    yield return converted;
                break;
            case Model.Table table:
                yield return TableOf(table, inlines, containers);
                break;
            case Figure figure:
                foreach (var converted in FigureBlocks(figure, inlines, context, containers))
                    yield return converted;
                break;
            case ThematicBreak rule:
                yield return new RuleBlock(80, 0.5, style.Muted) { Alignment = TextAlignment.Center, SpaceBefore = 8, SpaceAfter = 14, SourceLine = rule.Line };
                break;
        }
    }

    private IEnumerable<FlowBlock> ListItems(ListBlock list, InlineBuilder inlines, CultureInfo culture, RenderContext context,
        int section, IReadOnlyList<StructureContainer> containers, double indent)
    {
        List<StructureContainer> inList = [.. containers, new StructureContainer(StructureTag.L, context.NextStructureId())];
        var number = list.Start;
        foreach (var (item, index) in list.Items.Select((item, index) => (item, index)))
        {
            var isLast = index == list.Items.Count - 1;
            List<StructureContainer> inItem = [.. inList, new StructureContainer(StructureTag.LI, context.NextStructureId())];
            var marker = list.Ordered ? (number++).ToString(CultureInfo.InvariantCulture) + "." : "•";
            var first = true;
            foreach (var child in item.Blocks)
            {
                foreach (var converted in Convert(child, inlines, culture, context, section, inItem, indent + IndentStep))
                {
                    if (first && converted is ParagraphBlock paragraph)
                    {
                        first = false;
                        yield return paragraph with
                        {
                            Tag = StructureTag.LBody,
                            Marker = new TextRun(marker, style.Body),
                            // The marker hangs left of the text, in the step the list indents by.
                            // Items sit closer together than paragraphs; the last keeps a paragraph's space below.
                            Style = paragraph.Style with { SpaceAfter = isLast ? paragraph.Style.SpaceAfter : 3, FirstLineIndent = -MarkerHang },
                        };
                    }
                    else
                        yield return converted;
                }
            }
        }
    }

    private IEnumerable<FlowBlock> FigureBlocks(Figure figure, InlineBuilder inlines, RenderContext context, IReadOnlyList<StructureContainer> containers)
    {
        var image = LoadImage(figure.Path, figure.Line, context);
        if (image is null)
            yield break;
        var hasCaption = figure.Caption is { Length: > 0 };
        // A figure may take most of a text page, but leaves room for its caption and a few lines.
        yield return new ImageBlock(image, figure.Alt, style.Page.ContentWidth, style.Page.ContentHeight * 0.6)
        {
            SpaceBefore = 6, SpaceAfter = hasCaption ? 4 : 10, KeepWithNext = hasCaption, SourceLine = figure.Line, Containers = containers,
        };
        if (hasCaption)
            yield return new ParagraphBlock([new TextRun(figure.Caption!, style.Caption)],
                new ParagraphStyle(TextAlignment.Center, 12) { SpaceAfter = 12, KeepTogether = true }, StructureTag.Caption)
            {
                SourceLine = figure.Line, Containers = containers,
            };
    }

    private TableBlock TableOf(Model.Table table, InlineBuilder inlines, IReadOnlyList<StructureContainer> containers)
    {
        var columns = Math.Max(1, table.Columns.Count);
        var rows = new List<TableRowSpec>();
        foreach (var row in table.Rows)
        {
            var cells = new List<TableCellSpec>();
            for (var c = 0; c < columns; c++)
            {
                var content = c < row.Cells.Count ? row.Cells[c] : Format.Common.EquatableList<Inline>.Empty;
                var text = row.IsHeader ? style.TableText with { Font = style.TableText.Font.WithBold() } : style.TableText;
                var alignment = (c < table.Columns.Count ? table.Columns[c] : ColumnAlignment.Default) switch
                {
                    ColumnAlignment.Right => TextAlignment.Right,
                    ColumnAlignment.Center => TextAlignment.Center,
                    _ => TextAlignment.Left,
                };
                cells.Add(new TableCellSpec([new ParagraphBlock(inlines.Build(content, text), new ParagraphStyle(alignment, 11) { Hyphenate = false }, StructureTag.P)]));
            }
            rows.Add(new TableRowSpec(cells, row.IsHeader));
        }
        return new TableBlock(ColumnFractions(table, columns), rows,
            new TableStyle(CellPadding: 4, RuleThickness: 0.5, RuleColor: style.Muted) { SpaceBefore = 6, SpaceAfter = 12, HeaderBackground = new Color(236, 239, 243) })
        {
            SourceLine = table.Line, Containers = containers,
        };
    }

    // Columns share the width in proportion to their longest cell, but none gets less than an eighth:
    // a narrow numeric column stays readable next to a wordy one.
    private static IReadOnlyList<double> ColumnFractions(Model.Table table, int columns)
    {
        var longest = new double[columns];
        foreach (var row in table.Rows)
            for (var c = 0; c < Math.Min(columns, row.Cells.Count); c++)
                longest[c] = Math.Max(longest[c], Math.Min(PlainText(row.Cells[c]).Length, 60));
        var weights = longest.Select(l => Math.Max(l, 1)).ToArray();
        var total = weights.Sum();
        var fractions = weights.Select(w => Math.Max(w / total, 0.125)).ToArray();
        var sum = fractions.Sum();
        return fractions.Select(f => f / sum).ToArray();
    }

    private IReadOnlyList<ParagraphBlock> NoteParagraphs(Footnote note, string markAnchor, InlineBuilder inlines)
    {
        var paragraphs = new List<ParagraphBlock>();
        foreach (var block in note.Blocks)
        {
            var content = block switch
            {
                Model.Paragraph p => p.Content,
                _ => Format.Common.EquatableList.Of<Inline>(new Text(PlainTextOf(block))),
            };
            var runs = new List<InlineItem>();
            if (paragraphs.Count == 0)
            {
                var label = note.Number.ToString(CultureInfo.InvariantCulture);
                runs.Add(new TextRun(label, style.MarkStyle(style.NoteText)) { Kind = TextKind.Unbreakable, Link = new InternalLink(markAnchor) { Description = InlineBuilder.BackToNoteText(note.Number, inlines.Culture) } });
                runs.Add(new TextRun(" ", style.NoteText));
            }
            runs.AddRange(inlines.Build(content, style.NoteText));
            paragraphs.Add(new ParagraphBlock(runs, style.NoteParagraph, StructureTag.Note)
            {
                AnchorId = paragraphs.Count == 0 ? InlineBuilder.NoteAnchor(note.Number) : null,
                SourceLine = note.Line,
            });
        }
        return paragraphs;
    }

    internal static string PlainText(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(i => i switch
    {
        Text t => t.Value,
        CodeSpan c => c.Value,
        Emphasis e => PlainText(e.Content),
        Strong s => PlainText(s.Content),
        Model.Link l => l.IsAutolink ? l.Url : PlainText(l.Content),
        Model.LineBreak => " ",
        _ => "",
    }));

    private static string PlainTextOf(Block block) => block switch
    {
        Model.Paragraph p => PlainText(p.Content),
        Heading h => PlainText(h.Content),
        BlockQuote q => string.Join(" ", q.Blocks.Select(PlainTextOf)),
        ListBlock l => string.Join(" ", l.Items.SelectMany(i => i.Blocks).Select(PlainTextOf)),
        _ => "",
    };

    private static ParagraphStyle Indented(ParagraphStyle paragraph, double indent) =>
        indent == 0 ? paragraph : paragraph with { LeftIndent = indent };
}
