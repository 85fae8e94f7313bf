using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Format.Typography;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ModelInline = HiiaPublish.Format.Inline;

namespace HiiaPublish.Format.Body;

/// <summary>
/// Markdig inlines → our inlines, checking links, images and footnote references on the way and
/// applying print typography to running text. One per place (body, footnotes, abstract); the
/// typography context restarts at each <see cref="Convert"/>.
/// </summary>
internal sealed partial class InlineConverter
{
    /// <summary>
    /// Deepest nesting of emphasis and links accepted. Real text nests two or three levels
    /// (a link in italics in bold); the limit only bounds pathological input and our recursion.
    /// </summary>
    private const int MaxInlineDepth = 32;

    private readonly Typographer _typographer;
    private readonly DiagnosticBag _diagnostics;
    private readonly Func<MarkdownObject, SourcePosition> _locate;
    private readonly InlineMode _mode;
    private readonly FootnoteNumbering? _numbering;
    private char _previous;
    private bool _reportedDepth;

    public InlineConverter(Typographer typographer, DiagnosticBag diagnostics, Func<MarkdownObject, SourcePosition> locate,
        InlineMode mode, FootnoteNumbering? numbering = null)
    {
        _typographer = typographer;
        _diagnostics = diagnostics;
        _locate = locate;
        _mode = mode;
        _numbering = numbering;
    }

    public EquatableList<ModelInline> Convert(ContainerInline? root)
    {
        _previous = Typographer.StartOfText;
        _reportedDepth = false;
        return root is null ? EquatableList<ModelInline>.Empty : ConvertChildren(root, depth: 1);
    }

    private EquatableList<ModelInline> ConvertChildren(ContainerInline container, int depth)
    {
        var output = new List<ModelInline>();
        var run = new TextRun();
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    run.Add(literal.Content.ToString(), literal, typographic: true);
                    break;
                case HtmlEntityInline entity:
                    run.Add(entity.Transcoded.ToString(), entity, typographic: true);
                    break;
                case LineBreakInline { IsHard: false } softBreak:
                    run.Add(" ", softBreak, typographic: true);
                    break;
                case HtmlInline html:
                    _diagnostics.Report(DiagnosticCatalog.RawHtml, _locate(html), TextSnippet.Of(html.Tag));
                    run.Add(html.Tag, html, typographic: false);
                    break;
                default:
                    Flush(run, output);
                    ConvertOther(inline, depth, output);
                    break;
            }
        }
        Flush(run, output);
        return output.ToEquatableList();
    }

    private void ConvertOther(Markdig.Syntax.Inlines.Inline inline, int depth, List<ModelInline> output)
    {
        switch (inline)
        {
            case ContainerInline when depth >= MaxInlineDepth:
                if (!_reportedDepth) _diagnostics.Report(DiagnosticCatalog.NestingTooDeep, _locate(inline), MaxInlineDepth);
                _reportedDepth = true;
                break;
            case EmphasisInline emphasis:
                var content = ConvertChildren(emphasis, depth + 1);
                output.Add(emphasis.DelimiterCount >= 2 ? new Strong(content) : new Emphasis(content));
                break;
            case CodeInline code:
                output.Add(new CodeSpan(code.Content));
                if (code.Content.Length > 0) _previous = code.Content[^1];
                break;
            case LineBreakInline:
                output.Add(new LineBreak());
                _previous = ' ';
                break;
            case LinkInline { IsImage: true } image:
                if (_mode == InlineMode.Abstract) _diagnostics.Report(DiagnosticCatalog.AbstractContent, _locate(image), "image");
                else _diagnostics.Report(DiagnosticCatalog.ImageInText, _locate(image));
                break;
            case LinkInline link:
                output.Add(ConvertLink(link, depth));
                break;
            case AutolinkInline autolink:
                var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
                CheckLink(url, autolink);
                output.Add(new Link(url, EquatableList.Of<ModelInline>(new Text(autolink.Url)), IsAutolink: true));
                if (autolink.Url.Length > 0) _previous = autolink.Url[^1];
                break;
            case FootnoteLink { IsBackLink: true }:
                break;
            case FootnoteLink footnoteLink:
                ConvertFootnoteLink(footnoteLink, output);
                break;
            case ContainerInline container:
                output.AddRange(ConvertChildren(container, depth + 1));
                break;
        }
    }

    private Link ConvertLink(LinkInline link, int depth)
    {
        var url = link.Url ?? "";
        CheckLink(url, link);
        if (!link.IsAutoLink) return new Link(url, ConvertChildren(link, depth + 1), IsAutolink: false);

        // A bare URL: its text is shown exactly as written, without typography.
        var written = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        if (written.Length > 0) _previous = written[^1];
        return new Link(url, EquatableList.Of<ModelInline>(new Text(written)), IsAutolink: true);
    }

    private void CheckLink(string url, Markdig.Syntax.Inlines.Inline at)
    {
        if (LinkChecker.Refusal(url) is { } refusal)
            _diagnostics.Report(DiagnosticCatalog.LinkScheme, _locate(at), TextSnippet.Of(url), refusal);
    }

    private void ConvertFootnoteLink(FootnoteLink footnoteLink, List<ModelInline> output)
    {
        if (_mode == InlineMode.Body && _numbering is not null)
        {
            output.Add(new FootnoteReference(_numbering.NumberOf(FootnoteLabels.Of(footnoteLink.Footnote))));
            _previous = '1';
        }
        else if (_mode == InlineMode.Footnote)
        {
            _diagnostics.Report(DiagnosticCatalog.FootnoteInFootnote, _locate(footnoteLink));
            _numbering?.NoteReferencedFromNote(FootnoteLabels.Of(footnoteLink.Footnote));
        }
        else
            _diagnostics.Report(DiagnosticCatalog.AbstractContent, _locate(footnoteLink), "footnote reference");
    }
}
