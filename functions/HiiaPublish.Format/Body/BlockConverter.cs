using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Format.Images;
using HiiaPublish.Format.Typography;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using MarkdigFootnote = Markdig.Extensions.Footnotes.Footnote;
using MarkdigListBlock = Markdig.Syntax.ListBlock;
using ModelBlock = HiiaPublish.Format.Block;
using ModelInline = HiiaPublish.Format.Inline;

namespace HiiaPublish.Format.Body;

/// <summary>
/// Markdig blocks → our blocks. Enforces the body's rules: headings (## sections, ### subsections, top
/// level only), nesting depth, figures, no code blocks, raw HTML kept as visible text.
/// </summary>
internal sealed partial class BlockConverter
{
    private readonly DiagnosticBag _diagnostics;
    private readonly SourceLocator _locate;
    private readonly ImageChecker _images;
    private readonly Typographer _typographer;
    private readonly int _maxNestingDepth;
    private readonly InlineConverter _bodyInlines;
    private readonly InlineConverter _footnoteInlines;
    private bool _seenSection;

    public BlockConverter(DiagnosticBag diagnostics, SourceLocator locate, ImageChecker images, Typographer typographer,
        FootnoteNumbering numbering, int maxNestingDepth)
    {
        _diagnostics = diagnostics;
        _locate = locate;
        _images = images;
        _typographer = typographer;
        _maxNestingDepth = maxNestingDepth;
        _bodyInlines = new InlineConverter(typographer, diagnostics, locate.Of, InlineMode.Body, numbering);
        _footnoteInlines = new InlineConverter(typographer, diagnostics, locate.Of, InlineMode.Footnote, numbering);
    }

    private readonly record struct Place(int Depth, bool TopLevel, InlineMode Mode)
    {
        public Place Inside() => this with { Depth = Depth + 1, TopLevel = false };
    }

    public EquatableList<ModelBlock> ConvertBody(MarkdownDocument document) =>
        ConvertBlocks(document, new Place(0, TopLevel: true, InlineMode.Body));

    public EquatableList<ModelBlock> ConvertFootnote(MarkdigFootnote footnote) =>
        ConvertBlocks(footnote, new Place(0, TopLevel: false, InlineMode.Footnote));

    private EquatableList<ModelBlock> ConvertBlocks(ContainerBlock container, Place place)
    {
        var blocks = new List<ModelBlock>();
        foreach (var block in container)
            if (ConvertBlock(block, place) is { } converted) blocks.Add(converted);
        return blocks.ToEquatableList();
    }

    private ModelBlock? ConvertBlock(Markdig.Syntax.Block block, Place place)
    {
        var line = _locate.LineOf(block);
        switch (block)
        {
            case HeadingBlock heading:
                CheckHeading(heading, place);
                return new Heading(line, heading.Level, Inlines(place).Convert(heading.Inline));
            case ParagraphBlock paragraph:
                return ConvertParagraph(paragraph, line, place);
            case QuoteBlock quote when TooDeep(quote, place):
                return null;
            case QuoteBlock quote:
                return new BlockQuote(line, ConvertBlocks(quote, place.Inside()));
            case MarkdigListBlock list when TooDeep(list, place):
                return null;
            case MarkdigListBlock list:
                var start = list.IsOrdered && int.TryParse(list.OrderedStart, out var first) ? first : 1;
                var items = list.OfType<ListItemBlock>().Select(item => new ListItem(ConvertBlocks(item, place.Inside())));
                return new Format.ListBlock(line, list.IsOrdered, start, items.ToEquatableList());
            case Markdig.Extensions.Tables.Table table:
                return ConvertTable(table, line, place);
            case ThematicBreakBlock:
                return new ThematicBreak(line);
            case HtmlBlock html:
                return ConvertHtml(html, line);
            case CodeBlock code:
                _diagnostics.Report(DiagnosticCatalog.CodeBlock, _locate.Of(code));
                return null;
            default:
                // Link reference definitions and footnote definitions are read elsewhere.
                return null;
        }
    }

    private InlineConverter Inlines(Place place) => place.Mode == InlineMode.Footnote ? _footnoteInlines : _bodyInlines;

    private bool TooDeep(ContainerBlock block, Place place)
    {
        if (place.Depth + 1 <= _maxNestingDepth) return false;
        _diagnostics.Report(DiagnosticCatalog.NestingTooDeep, _locate.Of(block), _maxNestingDepth);
        return true;
    }

    private void CheckHeading(HeadingBlock heading, Place place)
    {
        var at = _locate.Of(heading);
        if (!place.TopLevel) _diagnostics.Report(DiagnosticCatalog.NestedHeading, at);
        else if (heading.Level == 1) _diagnostics.Report(DiagnosticCatalog.TitleHeadingInBody, at);
        else if (heading.Level >= 4) _diagnostics.Report(DiagnosticCatalog.HeadingTooDeep, at);
        else if (heading.Level == 3 && !_seenSection) _diagnostics.Report(DiagnosticCatalog.SkippedHeadingLevel, at);
        if (place.TopLevel && heading.Level == 2) _seenSection = true;
    }

    private ModelBlock ConvertHtml(HtmlBlock html, int line)
    {
        var lines = html.Lines.Lines.Take(html.Lines.Count).Select(l => l.Slice.ToString()).ToArray();
        _diagnostics.Report(DiagnosticCatalog.RawHtml, _locate.Of(html), TextSnippet.Of(lines.FirstOrDefault() ?? ""));
        var content = new List<ModelInline>();
        foreach (var text in lines)
        {
            if (content.Count > 0) content.Add(new LineBreak());
            content.Add(new Text(text));
        }
        return new Paragraph(line, content.ToEquatableList());
    }
}
