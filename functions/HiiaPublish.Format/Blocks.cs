using HiiaPublish.Format.Common;

namespace HiiaPublish.Format;

/// <summary>A block of the body. Line is the 1-based source line where it starts.</summary>
public abstract record Block(int Line);

/// <summary>Level 2 is a numbered section (Markdown ##), level 3 a subsection (###). Authors write no numbers.</summary>
public sealed record Heading(int Line, int Level, EquatableList<Inline> Content) : Block(Line);

public sealed record Paragraph(int Line, EquatableList<Inline> Content) : Block(Line);

public sealed record BlockQuote(int Line, EquatableList<Block> Blocks) : Block(Line);

public sealed record ListBlock(int Line, bool Ordered, int Start, EquatableList<ListItem> Items) : Block(Line);

public sealed record ListItem(EquatableList<Block> Blocks);

public enum ColumnAlignment { Default, Left, Center, Right }

public sealed record Table(int Line, EquatableList<ColumnAlignment> Columns, EquatableList<TableRow> Rows) : Block(Line);

public sealed record TableRow(bool IsHeader, EquatableList<EquatableList<Inline>> Cells);

/// <summary>An image standing alone in its paragraph: Path relative to the draft folder, Caption from the image title.</summary>
public sealed record Figure(int Line, string Path, string Alt, string? Caption) : Block(Line);

public sealed record ThematicBreak(int Line) : Block(Line);
