using HiiaPublish.Typesetting.Flow.Tables;

namespace HiiaPublish.Typesetting.Flow;

/// <summary>What goes on one page: body units [BodyStart, BodyEnd), note parts, a repeated table header.</summary>
internal sealed class PagePlan
{
    public int BodyStart { get; init; }
    public int BodyEnd { get; set; }
    /// <summary>Note parts with the index of the unit holding their mark; -1 for parts carried from the previous page.</summary>
    public List<(int Unit, NotePart Part)> Notes { get; } = [];
    public TableFrame? RepeatedHeader { get; set; }
    /// <summary>The page ended where the author said (a page break, the sequence's end), not for lack of room.</summary>
    public bool ClosedByAuthor { get; set; }
    public double BodyHeight { get; set; }
    public double NotesHeight { get; set; }
}
