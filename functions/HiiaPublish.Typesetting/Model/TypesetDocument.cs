namespace HiiaPublish.Typesetting.Model;

/// <summary>What the typesetter is asked to lay out: page sequences, each starting on a new page.</summary>
public sealed record TypesetDocument(PageGeometry Geometry, IReadOnlyList<PageSequence> Sequences, FootnoteAreaStyle Footnotes)
{
    /// <summary>Running page number; page numbers count every physical page, the cover being page 1.</summary>
    public PageNumberStyle? PageNumbers { get; init; }
}

public enum VerticalPlacement { Top, Center, Bottom }

/// <summary>
/// A run of pages. Blocks flow from page to page. On pages where the content is shorter than the page,
/// <see cref="Placement"/> decides where the content block sits (Bottom for an imprint page).
/// </summary>
public sealed record PageSequence(string Name, IReadOnlyList<FlowBlock> Blocks)
{
    public VerticalPlacement Placement { get; init; } = VerticalPlacement.Top;
    public bool ShowPageNumbers { get; init; } = true;
    /// <summary>Drawn first on every page of the sequence, as artifacts (bands of colour, a frame).</summary>
    public IReadOnlyList<PageDecoration> Decorations { get; init; } = [];
    /// <summary>Overrides the document margins on this sequence's pages (a full-bleed cover, say).</summary>
    public PageGeometry? Geometry { get; init; }
}

public abstract record PageDecoration;
public sealed record FilledRectDecoration(Rect Area, Color Fill) : PageDecoration;

public sealed record PageNumberStyle(TextStyle Style, double BaselineFromBottom, TextAlignment Alignment);

/// <summary>Footnotes sit below a short rule at the foot of the page that holds their reference.</summary>
public sealed record FootnoteAreaStyle(double RuleLength, double RuleThickness, Color RuleColor, double GapAboveRule, double GapBelowRule, double GapBetweenNotes);
