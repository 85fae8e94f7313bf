using System.Text;
using HiiaPublish.Format;

namespace HiiaPublish.Site;

/// <summary>
/// Writes inlines as HTML. Every piece of text is escaped; a link becomes an anchor only when its URL is
/// allowed (<see cref="SafeUrl"/>), otherwise its words stay as plain text. Footnote marks link to their note
/// and carry an id the note links back to (the first mark of a note gets "fnref-N", later ones "fnref-N-k").
/// </summary>
internal sealed class InlineHtmlRenderer
{
    private readonly Dictionary<int, int> _referenceCounts = [];
    private readonly bool _withFootnoteMarks;

    /// <param name="withFootnoteMarks">False where the notes are not on the page (an abstract in a listing).</param>
    public InlineHtmlRenderer(bool withFootnoteMarks = true) => _withFootnoteMarks = withFootnoteMarks;

    /// <summary>Inlines as HTML with no footnote marks: for an abstract shown away from its notes.</summary>
    public static string StandaloneHtml(IEnumerable<Inline> inlines)
    {
        var html = new StringBuilder();
        new InlineHtmlRenderer(withFootnoteMarks: false).Render(html, inlines);
        return html.ToString();
    }

    public void Render(StringBuilder html, IEnumerable<Inline> inlines, bool linksAllowed = true)
    {
        foreach (var inline in inlines)
            RenderOne(html, inline, linksAllowed);
    }

    public static string PlainText(IEnumerable<Inline> inlines)
    {
        var text = new StringBuilder();
        AppendPlain(text, inlines);
        return HtmlText.Clean(text.ToString()).Trim();
    }

    private void RenderOne(StringBuilder html, Inline inline, bool linksAllowed)
    {
        switch (inline)
        {
            case Text text:
                html.Append(HtmlText.Escape(text.Value));
                break;
            case Emphasis emphasis:
                html.Append("<em>"); Render(html, emphasis.Content, linksAllowed); html.Append("</em>");
                break;
            case Strong strong:
                html.Append("<strong>"); Render(html, strong.Content, linksAllowed); html.Append("</strong>");
                break;
            case CodeSpan code:
                html.Append("<code>").Append(HtmlText.Escape(code.Value)).Append("</code>");
                break;
            case LineBreak:
                html.Append("<br>");
                break;
            case Link link:
                RenderLink(html, link, linksAllowed);
                break;
            case FootnoteReference reference when _withFootnoteMarks:
                RenderFootnoteMark(html, reference.Number);
                break;
        }
    }

    private void RenderLink(StringBuilder html, Link link, bool linksAllowed)
    {
        var hasWords = PlainText(link.Content).Length > 0;
        // Nested anchors are invalid HTML, and a link with an unsafe target must not become one at all.
        if (!linksAllowed || !SafeUrl.IsAllowed(link.Url))
        {
            if (hasWords) Render(html, link.Content, linksAllowed: false);
            else html.Append(HtmlText.Escape(link.Url));
            return;
        }
        html.Append("<a href=\"").Append(HtmlText.Escape(link.Url)).Append("\">");
        if (hasWords) Render(html, link.Content, linksAllowed: false);
        else html.Append(HtmlText.Escape(link.Url));
        html.Append("</a>");
    }

    private void RenderFootnoteMark(StringBuilder html, int number)
    {
        var count = _referenceCounts.TryGetValue(number, out var seen) ? seen + 1 : 1;
        _referenceCounts[number] = count;
        var id = count == 1 ? $"fnref-{number}" : $"fnref-{number}-{count}";
        html.Append("<sup class=\"footnote-ref\"><a id=\"").Append(id).Append("\" href=\"#fn-").Append(number)
            .Append("\">").Append(number).Append("</a></sup>");
    }

    private static void AppendPlain(StringBuilder text, IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Text t: text.Append(t.Value); break;
                case CodeSpan c: text.Append(c.Value); break;
                case Emphasis e: AppendPlain(text, e.Content); break;
                case Strong s: AppendPlain(text, s.Content); break;
                case Link l: AppendPlain(text, l.Content); break;
                case LineBreak: text.Append(' '); break;
            }
        }
    }
}
