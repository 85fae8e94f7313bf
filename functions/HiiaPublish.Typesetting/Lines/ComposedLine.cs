using HiiaPublish.Typesetting.Model;

namespace HiiaPublish.Typesetting.Lines;

/// <summary>Text drawn on a line: absolute X, the text (with its trailing space), its style and visible width.</summary>
internal readonly record struct LinePiece(double X, string Text, TextStyle Style, double Width, bool IsLabel)
{
    /// <summary>For the last piece of a line: whether the word goes on at the next line (and how).</summary>
    public Output.LineEnd End { get; init; }
}

/// <summary>A clickable area over one link's text on one line; vertical extents are relative to the baseline.</summary>
internal sealed record LineLink(double X, double Right, double Above, double Below, LinkTarget Target);

/// <summary>One set line of a paragraph, positioned horizontally; the flow decides where it goes vertically.</summary>
internal sealed class ComposedLine
{
    public List<LinePiece> Pieces { get; } = [];
    public List<LineLink> Links { get; } = [];
    public List<(string Id, double X)> MarkAnchors { get; } = [];
    public List<FootnoteMark> Notes { get; } = [];
    public double Left { get; init; }
    public double Right { get; init; }

    /// <summary>The line ends in a hyphen, added at a hyphenation point or the word's own ("Sino-" | "Pakistani").</summary>
    public bool EndsWithHyphen { get; set; }
}
