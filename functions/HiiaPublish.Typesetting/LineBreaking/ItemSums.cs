using HiiaPublish.Typesetting.Inline;

namespace HiiaPublish.Typesetting.LineBreaking;

/// <summary>
/// Prefix sums over the items, so the natural width, stretch and shrink of any line are two lookups.
/// Fill glue is counted apart: its stretch is infinite, and infinity in a running sum would poison every later line.
/// </summary>
internal sealed class ItemSums
{
    public ItemSums(IReadOnlyList<LineItem> items)
    {
        var n = items.Count;
        Width = new double[n + 1];
        Stretch = new double[n + 1];
        Shrink = new double[n + 1];
        Fills = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            var item = items[i];
            var isMeasured = item.Kind != ItemKind.Penalty;
            Width[i + 1] = Width[i] + (isMeasured ? item.Width : 0);
            Stretch[i + 1] = Stretch[i] + (item.IsFill ? 0 : item.Stretch);
            Shrink[i + 1] = Shrink[i] + item.Shrink;
            Fills[i + 1] = Fills[i] + (item.IsFill ? 1 : 0);
        }
    }

    public double[] Width { get; }
    public double[] Stretch { get; }
    public double[] Shrink { get; }
    public int[] Fills { get; }

    /// <summary>Index of the first item of the line that follows a break at <paramref name="breakIndex"/>: glue and penalties after a break vanish.</summary>
    public static int StartAfter(IReadOnlyList<LineItem> items, int breakIndex)
    {
        var j = breakIndex + 1;
        while (j < items.Count && items[j].Kind != ItemKind.Box && !items[j].IsForcedBreak)
            j++;
        return j;
    }

    public static bool IsLegalBreak(IReadOnlyList<LineItem> items, int index)
    {
        var item = items[index];
        return item.Kind switch
        {
            ItemKind.Penalty => item.Penalty < LineItem.Infinity,
            ItemKind.Glue => index > 0 && items[index - 1].Kind == ItemKind.Box,
            _ => false,
        };
    }
}
