using HiiaPublish.Typesetting.Inline;

namespace HiiaPublish.Typesetting.LineBreaking;

/// <summary>One attempt of the optimum-fit algorithm: lines rated up to a badness, with extra stretch on every line.</summary>
internal readonly record struct BreakPass(double Tolerance, double BackgroundStretch);

/// <summary>
/// Knuth and Plass's total-fit line breaking: among all feasible ways to break the paragraph, the one with
/// least total demerits. Lines after the first have equal widths, so at each breakpoint only the best node per
/// fitness class survives (as in TeX): the active list stays a few hundred nodes at most.
/// </summary>
internal static class KnuthPlassLineBreaker
{
    // TeX's plain defaults (\linepenalty, \adjdemerits, \doublehyphendemerits, \finalhyphendemerits),
    // tuned by decades of book setting: prefer fewer lines, avoid a loose line next to a tight one,
    // avoid hyphens on consecutive lines and on the last full line.
    private const double LinePenalty = 10;
    private const double AdjacentFitnessDemerits = 10_000;
    private const double ConsecutiveFlaggedDemerits = 10_000;
    private const double FinalHyphenDemerits = 5_000;

    // A runaway guard, not a tuning knob: four fitness classes times the breakpoints within one line's reach
    // stays far below this for any real paragraph; beyond it the caller falls back to first-fit.
    private const int MaxActiveNodes = 2_000;

    private sealed class Node(int position, int start, int line, int fitness, bool flagged, double demerits, Node? previous)
    {
        public int Position { get; } = position;
        public int Start { get; } = start;
        public int Line { get; } = line;
        public int Fitness { get; } = fitness;
        public bool Flagged { get; } = flagged;
        public double Demerits { get; } = demerits;
        public Node? Previous { get; } = previous;
    }

    /// <summary>Break positions (item indexes), or null when no feasible layout exists under <paramref name="pass"/>.</summary>
    public static List<int>? TryBreak(IReadOnlyList<LineItem> items, ItemSums sums, LineWidths widths, BreakPass pass)
    {
        var active = new List<Node> { new(-1, ItemSums.StartAfter(items, -1), 0, 1, false, 0, null) };
        var best = new Node?[4];
        var bestDemerits = new double[4];
        var last = items.Count - 1;

        for (var b = 0; b < items.Count; b++)
        {
            if (!ItemSums.IsLegalBreak(items, b))
                continue;
            var item = items[b];
            Array.Fill(bestDemerits, double.PositiveInfinity);
            Array.Clear(best);
            var kept = 0;
            for (var a = 0; a < active.Count; a++)
            {
                var node = active[a];
                var ratio = AdjustmentRatio(items, sums, widths, node, b, pass.BackgroundStretch);
                var deactivate = ratio < -1 || item.IsForcedBreak;
                if (!deactivate)
                    active[kept++] = node;
                var badness = Badness(ratio);
                if (ratio < -1 || badness > pass.Tolerance)
                    continue;
                var fitness = FitnessClass(ratio);
                var demerits = Demerits(item, badness, node, fitness, b == last);
                var total = node.Demerits + demerits;
                if (total < bestDemerits[fitness])
                {
                    bestDemerits[fitness] = total;
                    best[fitness] = node;
                }
            }
            active.RemoveRange(kept, active.Count - kept);

            var start = ItemSums.StartAfter(items, b);
            for (var fitness = 0; fitness < 4; fitness++)
            {
                if (best[fitness] is { } from)
                    active.Add(new Node(b, start, from.Line + 1, fitness, item.Flagged, bestDemerits[fitness], from));
            }
            if (active.Count == 0 || active.Count > MaxActiveNodes)
                return null;
        }

        Node? winner = null;
        foreach (var node in active)
        {
            if (node.Position == last && (winner is null || node.Demerits < winner.Demerits))
                winner = node;
        }
        return winner is null ? null : Positions(winner);
    }

    private static double AdjustmentRatio(IReadOnlyList<LineItem> items, ItemSums sums, LineWidths widths, Node from, int b, double backgroundStretch)
    {
        var lineWidth = widths.For(from.Line);
        var item = items[b];
        var natural = sums.Width[b] - sums.Width[from.Start] + (item.Kind == ItemKind.Penalty ? item.Width : 0);
        if (natural < lineWidth)
        {
            if (sums.Fills[b] - sums.Fills[from.Start] > 0)
                return 0;
            var stretch = sums.Stretch[b] - sums.Stretch[from.Start] + backgroundStretch;
            return stretch > 0 ? (lineWidth - natural) / stretch : double.PositiveInfinity;
        }
        if (natural > lineWidth)
        {
            var shrink = sums.Shrink[b] - sums.Shrink[from.Start];
            return shrink > 0 ? (lineWidth - natural) / shrink : double.NegativeInfinity;
        }
        return 0;
    }

    public static double Badness(double ratio) =>
        double.IsInfinity(ratio) ? double.PositiveInfinity : 100 * Math.Abs(ratio * ratio * ratio);

    // TeX's classes: tight (shrunk more than half), decent, loose (stretched more than half), very loose.
    private static int FitnessClass(double ratio) => ratio switch
    {
        < -0.5 => 0,
        <= 0.5 => 1,
        <= 1 => 2,
        _ => 3,
    };

    private static double Demerits(LineItem item, double badness, Node from, int fitness, bool isLast)
    {
        var demerits = (LinePenalty + badness) * (LinePenalty + badness);
        if (item.Kind == ItemKind.Penalty && !item.IsForcedBreak)
            demerits += item.Penalty >= 0 ? item.Penalty * item.Penalty : -item.Penalty * item.Penalty;
        if (item.Flagged && from.Flagged)
            demerits += ConsecutiveFlaggedDemerits;
        if (isLast && from.Flagged)
            demerits += FinalHyphenDemerits;
        if (Math.Abs(fitness - from.Fitness) > 1)
            demerits += AdjacentFitnessDemerits;
        return demerits;
    }

    /// <summary>The demerits this algorithm assigns to any given breaking, so other breakers can be compared with it.</summary>
    public static double TotalDemerits(IReadOnlyList<LineItem> items, ItemSums sums, LineWidths widths, IReadOnlyList<int> breaks, double backgroundStretch = 0)
    {
        var node = new Node(-1, ItemSums.StartAfter(items, -1), 0, 1, false, 0, null);
        foreach (var b in breaks)
        {
            var ratio = AdjustmentRatio(items, sums, widths, node, b, backgroundStretch);
            var badness = ratio < -1 ? double.PositiveInfinity : Badness(ratio);
            var fitness = double.IsPositiveInfinity(badness) ? 3 : FitnessClass(ratio);
            var total = node.Demerits + Demerits(items[b], badness, node, fitness, b == items.Count - 1);
            node = new Node(b, ItemSums.StartAfter(items, b), node.Line + 1, fitness, items[b].Flagged, total, node);
        }
        return node.Demerits;
    }

    private static List<int> Positions(Node node)
    {
        var positions = new List<int>();
        for (var n = node; n is not null && n.Position >= 0; n = n.Previous)
            positions.Add(n.Position);
        positions.Reverse();
        return positions;
    }
}
