using System.Globalization;
using System.Text;
using HiiaPublish.Format;

namespace HiiaPublish.Site;

/// <summary>
/// The paper's text as accessible HTML for its landing page. Sections are numbered as in the PDF ("1. Title",
/// ordinary case: small capitals are the style sheet's job) and are h2; subsections are h3, but only inside a
/// section, so headings never skip a level. Footnotes become an ordered list with ids and back-links.
/// </summary>
internal sealed class BodyHtmlRenderer
{
    // The parser already limits nesting; this bound keeps the renderer safe even for a hand-built model.
    private const int MaxDepth = 32;

    private readonly InlineHtmlRenderer _inlines = new();
    private readonly IReadOnlyDictionary<string, string> _imageUrls;
    private readonly string _backToTextLabel;
    private int _section;

    private BodyHtmlRenderer(IReadOnlyDictionary<string, string> imageUrls, string backToTextLabel)
    {
        _imageUrls = imageUrls;
        _backToTextLabel = backToTextLabel;
    }

    /// <param name="imageUrls">Figure path in the draft → URL of the published image, relative to the landing page.</param>
    /// <param name="backToTextLabel">What a screen reader says for a note's back-link, with {number}.</param>
    public static RenderedBody Render(Perspective perspective, IReadOnlyDictionary<string, string> imageUrls, string backToTextLabel)
    {
        var renderer = new BodyHtmlRenderer(imageUrls, backToTextLabel);
        var body = new StringBuilder();
        renderer.RenderBlocks(body, perspective.Body, depth: 0);
        var notes = new StringBuilder();
        renderer.RenderFootnotes(notes, perspective.Footnotes);
        return new RenderedBody(body.ToString(), notes.ToString());
    }

    private void RenderBlocks(StringBuilder html, IEnumerable<Block> blocks, int depth)
    {
        foreach (var block in blocks)
            RenderBlock(html, block, depth);
    }

    private void RenderBlock(StringBuilder html, Block block, int depth)
    {
        if (depth > MaxDepth) return;
        switch (block)
        {
            case Heading heading: RenderHeading(html, heading); break;
            case Paragraph paragraph:
                html.Append("<p>"); _inlines.Render(html, paragraph.Content); html.Append("</p>\n");
                break;
            case BlockQuote quote:
                html.Append("<blockquote>\n"); RenderBlocks(html, quote.Blocks, depth + 1); html.Append("</blockquote>\n");
                break;
            case ListBlock list: RenderList(html, list, depth); break;
            case Table table: RenderTable(html, table); break;
            case Figure figure: RenderFigure(html, figure); break;
            case ThematicBreak: html.Append("<hr>\n"); break;
        }
    }

    private void RenderHeading(StringBuilder html, Heading heading)
    {
        if (heading.Level <= 2 || _section == 0)
        {
            _section++;
            html.Append("<h2 id=\"section-").Append(_section).Append("\"><span class=\"section-number\">")
                .Append(_section).Append(".</span> ");
            _inlines.Render(html, heading.Content);
            html.Append("</h2>\n");
            return;
        }
        html.Append("<h3>"); _inlines.Render(html, heading.Content); html.Append("</h3>\n");
    }

    private void RenderList(StringBuilder html, ListBlock list, int depth)
    {
        if (list.Ordered)
        {
            html.Append("<ol");
            if (list.Start != 1) html.Append(" start=\"").Append(list.Start.ToString(CultureInfo.InvariantCulture)).Append('"');
            html.Append(">\n");
        }
        else html.Append("<ul>\n");
        foreach (var item in list.Items)
        {
            html.Append("<li>");
            // A tight item holding one paragraph reads better without the paragraph's margins.
            if (item.Blocks is [Paragraph only]) _inlines.Render(html, only.Content);
            else RenderBlocks(html, item.Blocks, depth + 1);
            html.Append("</li>\n");
        }
        html.Append(list.Ordered ? "</ol>\n" : "</ul>\n");
    }

    private void RenderTable(StringBuilder html, Table table)
    {
        html.Append("<div class=\"table-wrap\"><table>\n");
        var header = table.Rows.Where(r => r.IsHeader).ToArray();
        if (header.Length > 0)
        {
            html.Append("<thead>\n");
            foreach (var row in header) RenderRow(html, table, row, "th scope=\"col\"", "th");
            html.Append("</thead>\n");
        }
        html.Append("<tbody>\n");
        foreach (var row in table.Rows.Where(r => !r.IsHeader)) RenderRow(html, table, row, "td", "td");
        html.Append("</tbody>\n</table></div>\n");
    }

    private void RenderRow(StringBuilder html, Table table, TableRow row, string openTag, string closeTag)
    {
        html.Append("<tr>");
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var alignment = i < table.Columns.Count ? table.Columns[i] : ColumnAlignment.Default;
            html.Append('<').Append(openTag);
            if (alignment != ColumnAlignment.Default)
                html.Append(" class=\"align-").Append(alignment.ToString().ToLowerInvariant()).Append('"');
            html.Append('>');
            _inlines.Render(html, row.Cells[i]);
            html.Append("</").Append(closeTag).Append('>');
        }
        html.Append("</tr>\n");
    }

    private void RenderFigure(StringBuilder html, Figure figure)
    {
        html.Append("<figure>");
        if (_imageUrls.TryGetValue(figure.Path, out var url))
            html.Append("<img src=\"").Append(HtmlText.Escape(url)).Append("\" alt=\"").Append(HtmlText.Escape(figure.Alt)).Append("\">");
        else
            html.Append("<p class=\"missing-figure\">").Append(HtmlText.Escape(figure.Alt)).Append("</p>");
        if (!string.IsNullOrWhiteSpace(figure.Caption))
            html.Append("<figcaption>").Append(HtmlText.Escape(figure.Caption)).Append("</figcaption>");
        html.Append("</figure>\n");
    }

    private void RenderFootnotes(StringBuilder html, IEnumerable<Footnote> footnotes)
    {
        foreach (var note in footnotes.OrderBy(n => n.Number))
        {
            html.Append("<li id=\"fn-").Append(note.Number).Append("\" value=\"").Append(note.Number).Append("\">");
            if (note.Blocks is [Paragraph only]) _inlines.Render(html, only.Content);
            else RenderBlocks(html, note.Blocks, depth: 1);
            html.Append(" <a class=\"footnote-back\" href=\"#fnref-").Append(note.Number)
                .Append("\" aria-label=\"").Append(HtmlText.Escape(_backToTextLabel.Replace("{number}", note.Number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)))
                .Append("\">↩</a></li>\n");
        }
    }
}

/// <summary>The HTML pieces of a landing page that come from the paper's text.</summary>
internal sealed record RenderedBody(string BodyHtml, string FootnotesHtml);
