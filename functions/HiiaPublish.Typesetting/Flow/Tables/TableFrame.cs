using HiiaPublish.Typesetting.Model;

namespace HiiaPublish.Typesetting.Flow.Tables;

/// <summary>What the rows of one table share: column edges, rules, and the header rows to repeat on continuation pages.</summary>
internal sealed class TableFrame(double[] columnEdges, TableStyle style)
{
    /// <summary>X of every column edge, left border first, right border last.</summary>
    public double[] ColumnEdges { get; } = columnEdges;
    public TableStyle Style { get; } = style;
    public double Left => ColumnEdges[0];
    public double Right => ColumnEdges[^1];
    public List<TableRowUnit> HeaderRows { get; } = [];
    public double HeaderHeight => HeaderRows.Sum(r => r.Height);
}
