using HiiaPublish.Format.Common;
using Markdig.Syntax;

namespace HiiaPublish.Format.Body;

/// <summary>Positions of Markdig nodes in the file (Markdig reads the file's text with the front matter blanked, offsets unchanged).</summary>
internal sealed class SourceLocator
{
    private readonly SourceText _source;

    public SourceLocator(SourceText source) => _source = source;

    public SourcePosition Of(MarkdownObject node)
    {
        // Markdig gives synthetic nodes (back-links, split literals) an empty span; their line still holds.
        if (node.Span.Start >= 0 && node.Span.End >= node.Span.Start) return _source.PositionOf(node.Span.Start);
        var line = Math.Clamp(node.Line + 1, 1, _source.LineCount);
        return _source.PositionOf(_source.LineStart(line) + Math.Max(node.Column, 0));
    }

    public int LineOf(MarkdownObject node) => Of(node).Line;

    public SourcePosition StartOfLine(int zeroBasedLine) =>
        new(Math.Clamp(zeroBasedLine + 1, 1, _source.LineCount), 1);
}
