using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Format.Images;
using HiiaPublish.Format.Typography;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using MarkdigFootnote = Markdig.Extensions.Footnotes.Footnote;
using ModelBlock = HiiaPublish.Format.Block;
using ModelFootnote = HiiaPublish.Format.Footnote;

namespace HiiaPublish.Format.Body;

/// <summary>The body after the front matter: its blocks and its footnotes, numbered by first reference.</summary>
internal sealed record BodyContent(EquatableList<ModelBlock> Blocks, EquatableList<ModelFootnote> Footnotes);

/// <summary>Reads the body with Markdig and converts it, collecting every problem on the way.</summary>
internal static class BodyReader
{
    public static BodyContent Read(MarkdownReader reader, SourceText source, int bodyStart, PaperLanguage language,
        ImageChecker images, PerspectiveParserOptions options, DiagnosticBag diagnostics)
    {
        var maxNestingDepth = options.MaxNestingDepth;
        var empty = new BodyContent(EquatableList<ModelBlock>.Empty, EquatableList<ModelFootnote>.Empty);
        var document = reader.TryParse(FrontMatterBlanking.Blank(source.Text, bodyStart));
        if (document is null)
        {
            var deepest = NestingEstimate.DeepestLine(source, source.PositionOf(bodyStart).Line);
            diagnostics.Report(DiagnosticCatalog.NestingTooDeep, new SourcePosition(deepest, 1), maxNestingDepth);
            return empty;
        }

        if (!document.Any(block => block is not (LinkReferenceDefinitionGroup or FootnoteGroup or BlankLineBlock)))
            diagnostics.Report(DiagnosticCatalog.EmptyBody, source.PositionOf(bodyStart));

        var locate = new SourceLocator(source);
        if (!BodyLimits.Accepts(document, locate, options, diagnostics)) return empty;
        var numbering = new FootnoteNumbering();
        var converter = new BlockConverter(diagnostics, locate, images, new Typographer(language), numbering, maxNestingDepth);
        var blocks = converter.ConvertBody(document);
        var footnotes = ReadFootnotes(document, converter, numbering, locate, diagnostics);
        return new BodyContent(blocks, footnotes);
    }

    private static EquatableList<ModelFootnote> ReadFootnotes(MarkdownDocument document, BlockConverter converter,
        FootnoteNumbering numbering, SourceLocator locate, DiagnosticBag diagnostics)
    {
        var footnotes = new List<ModelFootnote>();
        foreach (var footnote in document.Descendants<FootnoteGroup>().SelectMany(group => group.OfType<MarkdigFootnote>()))
        {
            // A note referenced only from another note has no number; that reference was already reported.
            var label = FootnoteLabels.Of(footnote);
            if (numbering.TryGetNumber(label, out var number))
                footnotes.Add(new ModelFootnote(number, label, converter.ConvertFootnote(footnote), locate.StartOfLine(footnote.Line).Line));
        }

        // Checked after the notes are read, as they may name each other. Markdig keeps only the first of
        // two definitions with one label and drops unreferenced notes from its group; the list of
        // definitions still has them all.
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var definition in document.Descendants<FootnoteLinkReferenceDefinition>())
        {
            var label = FootnoteLabels.OfDefinition(definition.Label);
            var at = locate.StartOfLine(definition.Line);
            if (firstLine.TryGetValue(label, out var line)) diagnostics.Report(DiagnosticCatalog.FootnoteDuplicate, at, label, line);
            else if (!numbering.IsReferenced(label)) diagnostics.Report(DiagnosticCatalog.FootnoteUnused, at, label);
            firstLine.TryAdd(label, at.Line);
        }

        return footnotes.OrderBy(footnote => footnote.Number).ToEquatableList();
    }
}
