using System.Text;
using HiiaPublish.Typesetting.Inline;
using HiiaPublish.Typesetting.LineBreaking;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;

namespace HiiaPublish.Typesetting.Lines;

/// <summary>
/// Turns chosen breaks into positioned lines: glue set to the line's adjustment ratio (justified lines meet
/// the right edge), ragged lines shifted by their alignment, and one text piece per maximal run of one style
/// within a word. Per-layout state (a reused buffer); not shared between threads.
/// </summary>
internal sealed class LineComposer(TextMeasurer measurer)
{
    private readonly StringBuilder _text = new();

    public List<ComposedLine> Compose(ParagraphItems paragraph, List<int> breaks, LineGeometry geometry, TextAlignment alignment)
    {
        var items = paragraph.Items;
        var lines = new List<ComposedLine>(breaks.Count);
        var previousBreak = -1;
        foreach (var b in breaks)
        {
            var start = ItemSums.StartAfter(items, previousBreak);
            var lineIndex = lines.Count;
            var left = geometry.LeftOf(lineIndex);
            var width = geometry.Widths.For(lineIndex);
            var line = new ComposedLine { Left = left, Right = left + width };
            ComposeLine(paragraph, start, b, line, width, alignment);
            lines.Add(line);
            previousBreak = b;
        }
        return lines;
    }

    private void ComposeLine(ParagraphItems paragraph, int start, int end, ComposedLine line, double width, TextAlignment alignment)
    {
        var items = paragraph.Items;
        double natural = 0, stretch = 0, shrink = 0;
        var hasFill = false;
        for (var i = start; i < end; i++)
        {
            var item = items[i];
            if (item.Kind == ItemKind.Penalty)
                continue;
            natural += item.Width;
            shrink += item.Shrink;
            if (item.IsFill)
                hasFill = true;
            else
                stretch += item.Stretch;
        }
        var breakItem = items[end];
        var addsHyphen = breakItem.Kind == ItemKind.Penalty && breakItem.Break == BreakKind.Hyphen;
        if (addsHyphen)
            natural += breakItem.Width;

        var ratio = 0.0;
        var x = line.Left;
        if (alignment == TextAlignment.Justify && !hasFill)
        {
            var gap = width - natural;
            ratio = gap >= 0 ? (stretch > 0 ? gap / stretch : 0) : (shrink > 0 ? Math.Max(-1, gap / shrink) : 0);
        }
        else if (alignment is TextAlignment.Right or TextAlignment.Center)
        {
            var free = Math.Max(0, width - natural);
            x += alignment == TextAlignment.Right ? free : free / 2;
        }

        var builder = new PieceBuilder(this, line);
        for (var i = start; i < end; i++)
        {
            var item = items[i];
            switch (item.Kind)
            {
                case ItemKind.Box:
                    builder.AddBox(paragraph.Fragments[item.Fragment], x, item.Width);
                    x += item.Width;
                    break;
                case ItemKind.Glue when item.IsZeroWidthBreak:
                    // Not broken here: the word goes on as if the break point were not there.
                    break;
                case ItemKind.Glue when !item.IsFill:
                    builder.EndWord(followedBySpace: true);
                    x += item.Width + (ratio >= 0 ? ratio * item.Stretch : ratio * item.Shrink);
                    break;
            }
        }
        if (addsHyphen)
            builder.AddHyphen(breakItem.Width);
        var lineEnd = EndOf(breakItem, isLastItem: end == items.Count - 1);
        // A line that broke at a space keeps that space as text, so a reader's software does not join the last
        // word of this line to the first of the next ("lastfirst").
        builder.EndWord(followedBySpace: lineEnd == BreakAt.Space);
        if (line.Pieces.Count > 0 && lineEnd is BreakAt.Hyphen or BreakAt.InsideWord or BreakAt.Forced)
            line.Pieces[^1] = line.Pieces[^1] with
            {
                End = lineEnd switch { BreakAt.Hyphen => LineEnd.HyphenAdded, BreakAt.InsideWord => LineEnd.WordContinues, _ => LineEnd.ForcedBreak },
            };
        // A page had better not end here when the line ends in a hyphen, added or the word's own (\brokenpenalty).
        line.EndsWithHyphen = addsHyphen
            || (breakItem.Kind == ItemKind.Penalty && breakItem.Break == BreakKind.ExplicitDash && line.Pieces.Count > 0 && line.Pieces[^1].Text.EndsWith('-'));
    }

    private enum BreakAt { Space, Hyphen, InsideWord, Forced, End }

    private static BreakAt EndOf(LineItem breakItem, bool isLastItem) => breakItem switch
    {
        { Kind: ItemKind.Glue, IsZeroWidthBreak: true } => BreakAt.InsideWord,
        { Kind: ItemKind.Glue } => BreakAt.Space,
        { Break: BreakKind.Hyphen } => BreakAt.Hyphen,
        { Break: BreakKind.ExplicitDash or BreakKind.Url or BreakKind.Emergency } => BreakAt.InsideWord,
        // A forced break inside a paragraph (a line break in the source) separates words as a space does; the painter
        // says so to text extraction, and the line's text stays as drawn.
        { Break: BreakKind.Forced } when !isLastItem => BreakAt.Forced,
        _ => BreakAt.End,
    };

    /// <summary>Accumulates consecutive boxes of one style within a word into a single piece.</summary>
    private sealed class PieceBuilder(LineComposer owner, ComposedLine line)
    {
        private Fragment _fragment;
        private LinkTarget? _previousLink;
        private bool _open;
        private double _x;
        private double _width;

        public void AddBox(Fragment fragment, double x, double width)
        {
            if (_open && !CanJoin(_fragment, fragment))
                EndWord(followedBySpace: false);
            if (!_open)
            {
                _open = true;
                _fragment = fragment;
                _x = x;
                _width = 0;
                owner._text.Clear();
            }
            owner._text.Append(fragment.Text);
            _width += width;
            if (fragment.Mark is { } mark)
            {
                line.MarkAnchors.Add((mark.MarkAnchorId, x));
                line.Notes.Add(mark);
            }
        }

        public void AddHyphen(double width)
        {
            owner._text.Append('-');
            _width += width;
        }

        public void EndWord(bool followedBySpace)
        {
            if (!_open)
                return;
            if (followedBySpace)
                owner._text.Append(' ');
            var style = _fragment.Style;
            line.Pieces.Add(new LinePiece(_x, owner._text.ToString(), style, _width, IsLabel: false));
            if (_fragment.Link is { } target)
                AddLink(target, style);
            _previousLink = _fragment.Link;
            _open = false;
        }

        private void AddLink(LinkTarget target, TextStyle style)
        {
            var above = owner.Ascent(style) + style.BaselineShift;
            var below = owner.Descent(style) - style.BaselineShift;
            // One area per link per line: pieces of the same link joined by spaces share it.
            if (line.Links.Count > 0 && line.Links[^1] is { } last && target.Equals(_previousLink) && last.Target.Equals(target))
            {
                line.Links[^1] = last with { Right = _x + _width, Above = Math.Max(last.Above, above), Below = Math.Max(last.Below, below) };
                return;
            }
            line.Links.Add(new LineLink(_x, _x + _width, above, below, target));
        }

        // Marks stay separate pieces: each is its own link and anchor.
        private static bool CanJoin(Fragment a, Fragment b) =>
            a.Mark is null && b.Mark is null
            && (ReferenceEquals(a.Style, b.Style) || a.Style.Equals(b.Style))
            && Equals(a.Link, b.Link);
    }

    private double Ascent(TextStyle style) => measurer.Ascent(style);
    private double Descent(TextStyle style) => measurer.Descent(style);
}
