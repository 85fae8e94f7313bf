using HiiaPublish.Typesetting.Flow.Units;
using HiiaPublish.Typesetting.Model;

namespace HiiaPublish.Typesetting.Flow.Tables;

/// <summary>
/// Sets a table: column widths from the fractions, each cell's paragraphs inside its padding, row height the
/// tallest cell. Structure: Table → TR → TH/TD as containers around the cells' paragraphs.
/// </summary>
internal sealed class TableSetter(LayoutContext context, ParagraphUnitSetter paragraphs)
{
    public List<TableRowUnit> Set(TableBlock table, double left, double width)
    {
        var columns = ColumnEdges(table.ColumnFractions, left, width);
        var frame = new TableFrame(columns, table.Style);
        var tableContainer = new StructureContainer(StructureTag.Table, context.NextContainerId());
        var padding = Math.Max(0, table.Style.CellPadding);
        var rows = new List<TableRowUnit>(table.Rows.Count);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var rowContainer = new StructureContainer(StructureTag.TR, context.NextContainerId());
            var lines = new List<(LineUnit, double)>();
            var tallest = 0.0;
            for (var c = 0; c < columns.Length - 1 && c < row.Cells.Count; c++)
            {
                var cellTag = row.IsHeader ? StructureTag.TH : StructureTag.TD;
                var cellContainer = new StructureContainer(cellTag, context.NextContainerId());
                List<StructureContainer> containers = [.. table.Containers, tableContainer, rowContainer, cellContainer];
                var cellLeft = columns[c] + padding;
                var cellWidth = columns[c + 1] - columns[c] - 2 * padding;
                var y = padding;
                var previousSpaceAfter = 0.0;
                foreach (var (block, index) in row.Cells[c].Blocks.Select((b, i) => (b, i)))
                {
                    if (index > 0)
                        y += previousSpaceAfter + block.Style.SpaceBefore;
                    foreach (var line in paragraphs.Set(block, cellLeft, cellWidth, containers, withNotes: true))
                    {
                        lines.Add((line, y));
                        y += line.Height;
                    }
                    previousSpaceAfter = block.Style.SpaceAfter;
                }
                tallest = Math.Max(tallest, y - padding);
            }
            var unit = new TableRowUnit(frame, r, row.IsHeader, lines) { Height = tallest + 2 * padding, SourceLine = table.SourceLine };
            // Header rows stay together and with the first body row: a header alone at a page foot says nothing.
            if (r > 0 && frame.HeaderRows.Contains(rows[r - 1]))
                unit.BreakAllowedBefore = false;
            if (row.IsHeader && rows.TrueForAll(u => u.IsHeader))
                frame.HeaderRows.Add(unit);
            rows.Add(unit);
        }
        return rows;
    }

    /// <summary>Fractions are normalised to the width; without usable fractions the columns share it equally.</summary>
    private static double[] ColumnEdges(IReadOnlyList<double> fractions, double left, double width)
    {
        var usable = fractions.Select(f => f > 0 && double.IsFinite(f) ? f : 0).ToArray();
        var total = usable.Sum();
        if (usable.Length == 0)
            usable = [1];
        if (total <= 0)
            (usable, total) = (Enumerable.Repeat(1.0, usable.Length).ToArray(), usable.Length);
        var edges = new double[usable.Length + 1];
        edges[0] = left;
        for (var i = 0; i < usable.Length; i++)
            edges[i + 1] = edges[i] + width * usable[i] / total;
        return edges;
    }
}
