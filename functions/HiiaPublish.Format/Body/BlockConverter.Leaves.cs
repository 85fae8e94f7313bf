using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ModelBlock = HiiaPublish.Format.Block;
using ModelInline = HiiaPublish.Format.Inline;
using ModelTable = HiiaPublish.Format.Table;
using ModelTableRow = HiiaPublish.Format.TableRow;

namespace HiiaPublish.Format.Body;

// Paragraphs that may be figures, and tables.
internal sealed partial class BlockConverter
{
    private ModelBlock ConvertParagraph(ParagraphBlock paragraph, int line, Place place)
    {
        if (LoneImage(paragraph) is not { } image)
            return new Paragraph(line, Inlines(place).Convert(paragraph.Inline));

        var at = _locate.Of(image);
        var alt = _typographer.Apply(string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim());
        if (alt.Length == 0) _diagnostics.Report(DiagnosticCatalog.FigureWithoutAlt, at);
        var path = _images.Check(image.Url ?? "", at) ?? image.Url ?? "";
        var caption = string.IsNullOrWhiteSpace(image.Title) ? null : _typographer.Apply(image.Title.Trim());
        return new Figure(line, path, alt, caption);
    }

    /// <summary>The image when it is the paragraph's only content (spaces and line ends aside).</summary>
    private static LinkInline? LoneImage(ParagraphBlock paragraph)
    {
        if (paragraph.Inline is null) return null;
        var content = paragraph.Inline
            .Where(inline => inline is not LineBreakInline && !(inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace()))
            .Take(2)
            .ToArray();
        return content is [LinkInline { IsImage: true } image] ? image : null;
    }

    private ModelTable ConvertTable(Markdig.Extensions.Tables.Table table, int line, Place place)
    {
        var columns = table.ColumnDefinitions.Select(column => column.Alignment switch
        {
            TableColumnAlign.Left => ColumnAlignment.Left,
            TableColumnAlign.Center => ColumnAlignment.Center,
            TableColumnAlign.Right => ColumnAlignment.Right,
            _ => ColumnAlignment.Default,
        });
        var inlines = Inlines(place);
        var rows = table.OfType<Markdig.Extensions.Tables.TableRow>().Select(row => new ModelTableRow(
            row.IsHeader,
            row.OfType<TableCell>()
                .Select(cell => cell.OfType<ParagraphBlock>().FirstOrDefault() is { } content
                    ? inlines.Convert(content.Inline)
                    : EquatableList<ModelInline>.Empty)
                .ToEquatableList()));
        return new ModelTable(line, columns.ToEquatableList(), rows.ToEquatableList());
    }
}
