namespace HiiaPublish.Typesetting.Inline;

/// <summary>Words wider than every line: set one character per box, so the breaker can cut them where they overflow.</summary>
internal sealed partial class ParagraphItemBuilder
{
    // Breaking an over-wide word between characters is costly, so the breaker breaks it as few times
    // as it can, filling each line; it is never forbidden, or the word could not be set at all.
    private const double EmergencyPenalty = 1000;

    private const int PreviewLength = 40;

    /// <summary>Boxes between two break opportunities wider than the narrowest line are re-set one character per box.</summary>
    private void SplitOverwideStretches(int firstItem, string wordText)
    {
        var stretchStart = firstItem;
        var width = 0.0;
        var anySplit = false;
        for (var i = firstItem; i <= _items.Count; i++)
        {
            if (i < _items.Count && _items[i].Kind == ItemKind.Box)
            {
                width += _items[i].Width;
                continue;
            }
            if (width > _narrowestLine)
            {
                var added = SplitIntoCharacters(stretchStart, i);
                i += added;
                anySplit = true;
            }
            stretchStart = i + 1;
            width = 0;
        }
        if (anySplit)
        {
            var preview = wordText.Length > PreviewLength ? wordText[..PreviewLength] + "…" : wordText;
            _overwide.Add(new OverwideWord(firstItem, _items.Count - 1, preview));
        }
    }

    private int SplitIntoCharacters(int from, int to)
    {
        var replacement = new List<LineItem>();
        for (var i = from; i < to; i++)
        {
            var fragment = _fragments[_items[i].Fragment];
            var k = 0;
            while (k < fragment.Length)
            {
                var step = char.IsHighSurrogate(fragment.Source[fragment.Start + k]) && k + 1 < fragment.Length ? 2 : 1;
                if (replacement.Count > 0)
                    replacement.Add(LineItem.BreakPenalty(0, EmergencyPenalty, false, BreakKind.Emergency, -1));
                _fragments.Add(fragment with { Start = fragment.Start + k, Length = step });
                replacement.Add(LineItem.Box(measurer.Width(fragment.Style, fragment.Source.AsSpan(fragment.Start + k, step)), _fragments.Count - 1));
                k += step;
            }
        }
        _items.RemoveRange(from, to - from);
        _items.InsertRange(from, replacement);
        return replacement.Count - (to - from);
    }
}
