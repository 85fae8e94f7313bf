using HiiaPublish.Typesetting.Model;

namespace HiiaPublish.Typesetting.Inline;

/// <summary>
/// Turns a paragraph's inlines into boxes, glue and penalties. Words become boxes (one per piece of one style
/// between break opportunities), spaces become glue, break opportunities inside words become penalties.
/// Per-paragraph state; one instance is reused for the paragraphs of one layout.
/// </summary>
internal sealed partial class ParagraphItemBuilder(TextMeasurer measurer, WordBreakFinder breakFinder)
{
    // Inter-word glue stretches by half and shrinks by a third of the space: the ratios of TeX's text fonts,
    // which keep justified spacing even without visible rivers or cramped words.
    private const double SpaceStretchRatio = 1.0 / 2;
    private const double SpaceShrinkRatio = 1.0 / 3;

    // TeX's \hyphenpenalty and \exhyphenpenalty: a hyphen costs a little, so a line is hyphenated
    // only when that noticeably improves the spacing.
    private const double HyphenPenalty = 50;
    private const double ExplicitDashPenalty = 50;

    // A URL split is as disruptive as a hyphenated word, so it costs the same.
    private const double UrlBreakPenalty = 50;

    private const char SoftHyphen = '\u00AD';
    private const char ZeroWidthSpace = '\u200B';

    // Characters with no width and no glyph that only forbid a break (word joiner, zero-width no-break space,
    // which text pasted from the web or a word processor often carries): left out of the drawn text.
    private static bool IsInvisibleJoiner(char c) => c is '\u2060' or '\uFEFF';

    private readonly List<WordPiece> _pieces = [];
    private readonly System.Text.StringBuilder _word = new();
    private readonly List<(int Offset, BreakKind Kind)> _breaks = [];
    private readonly List<int> _softHyphens = [];
    private List<LineItem> _items = [];
    private List<Fragment> _fragments = [];
    private List<OverwideWord> _overwide = [];
    private bool _justify;
    private bool _hyphenate;
    private double _narrowestLine;

    public ParagraphItems Build(IReadOnlyList<InlineItem> inlines, ParagraphStyle style, double narrowestLine)
    {
        _items = [];
        _fragments = [];
        _overwide = [];
        _justify = style.Alignment == TextAlignment.Justify;
        _hyphenate = style.Hyphenate;
        _narrowestLine = narrowestLine;

        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextRun { Kind: TextKind.Unbreakable } run:
                    AddPiece(run.Text, 0, run.Text.Length, run.Style, run.Link, null, TextKind.Unbreakable);
                    break;
                case TextRun run:
                    ScanRun(run);
                    break;
                case FootnoteMark mark:
                    AddPiece(mark.Mark, 0, mark.Mark.Length, mark.MarkStyle, new InternalLink(mark.NoteAnchorId) { Description = mark.LinkDescription }, mark, TextKind.Unbreakable);
                    break;
                case LineBreakItem:
                    EndLine();
                    break;
            }
        }
        if (_items.Count == 0 || !_items[^1].IsForcedBreak || _pieces.Count > 0)
            EndLine();
        return new ParagraphItems(_items, _fragments) { OverwideWords = _overwide };
    }

    private void ScanRun(TextRun run)
    {
        var text = run.Text;
        var segmentStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == SoftHyphen && run.Kind == TextKind.Prose)
            {
                // The author's own hyphenation point: a break with a hyphen, and nothing drawn otherwise.
                AddPiece(text, segmentStart, i - segmentStart, run.Style, run.Link, null, run.Kind);
                _softHyphens.Add(_pieces.Sum(p => p.Length));
                segmentStart = i + 1;
                continue;
            }
            if (c == ZeroWidthSpace && run.Kind == TextKind.Prose)
            {
                // The author's break point without a hyphen (a long compound, a code): nothing drawn, no hyphen added.
                AddPiece(text, segmentStart, i - segmentStart, run.Style, run.Link, null, run.Kind);
                FlushWord();
                AddZeroWidthBreak();
                segmentStart = i + 1;
                continue;
            }
            if (IsInvisibleJoiner(c) || c == ZeroWidthSpace)
            {
                AddPiece(text, segmentStart, i - segmentStart, run.Style, run.Link, null, run.Kind);
                segmentStart = i + 1;
                continue;
            }
            var noBreak = c is '\u00A0' or '\u202F' or '\u2007';
            if (!noBreak && !char.IsWhiteSpace(c))
                continue;
            AddPiece(text, segmentStart, i - segmentStart, run.Style, run.Link, null, run.Kind);
            FlushWord();
            AddSpace(run.Style, noBreak);
            segmentStart = i + 1;
        }
        AddPiece(text, segmentStart, text.Length - segmentStart, run.Style, run.Link, null, run.Kind);
    }

    private void AddPiece(string source, int start, int length, TextStyle style, LinkTarget? link, FootnoteMark? mark, TextKind kind)
    {
        if (length <= 0)
            return;
        _pieces.Add(new WordPiece(source, start, length, style, link, mark, kind));
    }

    private void AddSpace(TextStyle style, bool noBreak)
    {
        // Spaces collapse, and a paragraph or a line after a forced break never starts with one.
        if (_items.Count == 0 || _items[^1].Kind != ItemKind.Box)
            return;
        var width = measurer.SpaceWidth(style);
        if (noBreak)
            _items.Add(LineItem.NoBreak());
        _items.Add(_justify
            ? LineItem.Glue(width, width * SpaceStretchRatio, width * SpaceShrinkRatio)
            : LineItem.Glue(width, 0, 0));
    }

    private void AddZeroWidthBreak()
    {
        // Glue without width or stretch: a legal break between two boxes that changes no spacing.
        if (_items.Count > 0 && _items[^1].Kind == ItemKind.Box)
            _items.Add(LineItem.ZeroWidthBreak());
    }

    private void EndLine()
    {
        FlushWord();
        while (_items.Count > 0 && _items[^1].Kind == ItemKind.Glue)
            _items.RemoveAt(_items.Count - 1);
        _items.Add(LineItem.NoBreak());
        _items.Add(LineItem.FillGlue());
        _items.Add(LineItem.ForcedBreak());
    }

    private void FlushWord()
    {
        if (_pieces.Count == 0)
        {
            _softHyphens.Clear();
            return;
        }
        _word.Clear();
        foreach (var piece in _pieces)
            _word.Append(piece.Source, piece.Start, piece.Length);
        var text = _word.ToString();
        breakFinder.Find(text, _pieces, _hyphenate, _breaks);
        if (_softHyphens.Count > 0)
        {
            foreach (var softHyphen in _softHyphens)
            {
                if (softHyphen > 0 && softHyphen < text.Length)
                    _breaks.Add((softHyphen, BreakKind.Hyphen));
            }
            _breaks.Sort((a, b) => a.Offset.CompareTo(b.Offset));
            _softHyphens.Clear();
        }

        var firstItem = _items.Count;
        var offset = 0;
        var next = 0;
        foreach (var piece in _pieces)
        {
            var pos = 0;
            while (pos < piece.Length)
            {
                while (next < _breaks.Count && _breaks[next].Offset < offset + pos)
                    next++;
                if (next < _breaks.Count && _breaks[next].Offset == offset + pos && _items.Count > firstItem)
                    AddBreak(_breaks[next].Kind);
                while (next < _breaks.Count && _breaks[next].Offset <= offset + pos)
                    next++;
                var end = next < _breaks.Count && _breaks[next].Offset < offset + piece.Length ? _breaks[next].Offset - offset : piece.Length;
                AddBox(piece, piece.Start + pos, end - pos);
                pos = end;
            }
            offset += piece.Length;
        }
        _pieces.Clear();
        SplitOverwideStretches(firstItem, text);
    }

    private void AddBox(WordPiece piece, int start, int length)
    {
        _fragments.Add(new Fragment(piece.Source, start, length, piece.Style, piece.Link, piece.Mark));
        _items.Add(LineItem.Box(measurer.Width(piece.Style, piece.Source.AsSpan(start, length)), _fragments.Count - 1));
    }

    private void AddBreak(BreakKind kind)
    {
        var before = _items[^1].Fragment;
        _items.Add(kind switch
        {
            BreakKind.Hyphen => LineItem.BreakPenalty(measurer.HyphenWidth(_fragments[before].Style), HyphenPenalty, true, kind, before),
            BreakKind.ExplicitDash => LineItem.BreakPenalty(0, ExplicitDashPenalty, true, kind, before),
            _ => LineItem.BreakPenalty(0, UrlBreakPenalty, false, kind, before),
        });
    }
}
