using HiiaPublish.Typesetting.Inline;

namespace HiiaPublish.Typesetting.LineBreaking;

/// <summary>
/// Greedy breaking, line by line: each line takes as much as fits (spaces shrunk as far as allowed).
/// The last resort when optimum fit finds nothing; it always finishes, one box at least per line.
/// </summary>
internal static class FirstFitLineBreaker
{
    public static List<int> Break(IReadOnlyList<LineItem> items, LineWidths widths)
    {
        var breaks = new List<int>();
        var start = ItemSums.StartAfter(items, -1);
        var width = 0.0;
        var shrink = 0.0;
        var lastFitting = -1;
        for (var i = start; i < items.Count; i++)
        {
            var item = items[i];
            var lineWidth = widths.For(breaks.Count);
            if (item.IsForcedBreak)
            {
                breaks.Add(i);
                (start, width, shrink, lastFitting) = (ItemSums.StartAfter(items, i), 0, 0, -1);
                i = start - 1;
                continue;
            }
            if (ItemSums.IsLegalBreak(items, i))
            {
                var penaltyWidth = item.Kind == ItemKind.Penalty ? item.Width : 0;
                if (width + penaltyWidth - shrink <= lineWidth)
                    lastFitting = i;
                else if (lastFitting < 0)
                {
                    // Even the first box overflows (a glyph wider than the measure): end the line at the first chance.
                    breaks.Add(i);
                    (start, width, shrink) = (ItemSums.StartAfter(items, i), 0, 0);
                    i = start - 1;
                    continue;
                }
            }
            if (item.Kind == ItemKind.Penalty)
                continue;
            width += item.Width;
            shrink += item.Shrink;
            if (item.Kind == ItemKind.Box && width - shrink > lineWidth && lastFitting >= 0)
            {
                breaks.Add(lastFitting);
                (start, width, shrink) = (ItemSums.StartAfter(items, lastFitting), 0, 0);
                lastFitting = -1;
                i = start - 1;
            }
        }
        if (breaks.Count == 0 || breaks[^1] != items.Count - 1)
            breaks.Add(items.Count - 1);
        return breaks;
    }
}
