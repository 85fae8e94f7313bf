namespace HiiaPublish.Typesetting.Model;

/// <summary>A block in the vertical flow of a page sequence.</summary>
public abstract record FlowBlock
{
    /// <summary>Enclosing groups, outermost first (see <see cref="StructureContainer"/>).</summary>
    public IReadOnlyList<StructureContainer> Containers { get; init; } = [];
    /// <summary>Line in the source file this block came from, for warnings; 0 when generated.</summary>
    public int SourceLine { get; init; }
}

public sealed record ParagraphBlock(IReadOnlyList<InlineItem> Inlines, ParagraphStyle Style, StructureTag Tag) : FlowBlock
{
    /// <summary>Defines an internal link destination at the top of the block.</summary>
    public string? AnchorId { get; init; }
    /// <summary>When set, the block appears in the PDF outline (bookmarks) at this level (1 = top).</summary>
    public OutlineInfo? Outline { get; init; }
    /// <summary>An optional marker drawn in the hanging indent of the first line (list bullet or number).</summary>
    public TextRun? Marker { get; init; }
}

public sealed record OutlineInfo(string Title, int Level);

/// <summary>
/// An image, scaled to the largest size that fits MaxWidth, MaxHeight, the remaining content area
/// and its native resolution at <see cref="ImageBlock.MaxDpi"/>, never enlarged beyond that.
/// </summary>
public sealed record ImageBlock(ImageSource Image, string AltText, double MaxWidth, double MaxHeight) : FlowBlock
{
    public const double DefaultMaxDpi = 150;
    public double MaxDpi { get; init; } = DefaultMaxDpi;
    public TextAlignment Alignment { get; init; } = TextAlignment.Center;
    public double SpaceBefore { get; init; }
    public double SpaceAfter { get; init; }
    public bool KeepWithNext { get; init; }
}

/// <summary>Encoded image bytes (PNG or JPEG) with their pixel size, read once by whoever builds the document.</summary>
public sealed record ImageSource(string Name, byte[] Data, int PixelWidth, int PixelHeight);

public sealed record RuleBlock(double Length, double Thickness, Color Color) : FlowBlock
{
    public TextAlignment Alignment { get; init; } = TextAlignment.Left;
    public double SpaceBefore { get; init; }
    public double SpaceAfter { get; init; }
}

public sealed record SpaceBlock(double Height) : FlowBlock;

/// <summary>
/// Vertical glue that takes an equal share of the free height on its page; used on fixed pages
/// (cover, back cover) to push content apart. In a sequence that spans pages it is zero.
/// </summary>
public sealed record FillBlock : FlowBlock;

public sealed record PageBreakBlock : FlowBlock;

/// <summary>
/// A table. Column widths are fractions of the available width (summing to 1). Rows are never split
/// across pages; header rows are repeated at the top of each continuation page.
/// </summary>
public sealed record TableBlock(IReadOnlyList<double> ColumnFractions, IReadOnlyList<TableRowSpec> Rows, TableStyle Style) : FlowBlock;

public sealed record TableRowSpec(IReadOnlyList<TableCellSpec> Cells, bool IsHeader);

public sealed record TableCellSpec(IReadOnlyList<ParagraphBlock> Blocks);

public sealed record TableStyle(double CellPadding, double RuleThickness, Color RuleColor)
{
    public double SpaceBefore { get; init; }
    public double SpaceAfter { get; init; }
    public Color? HeaderBackground { get; init; }
}
