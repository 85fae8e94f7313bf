namespace HiiaPublish.Typesetting.Model;

/// <summary>
/// The accessibility role of a block or an enclosing group, named as in the PDF standard
/// structure types (ISO 32000 14.8.4) so the painter can tag without a translation table.
/// </summary>
public enum StructureTag
{
    Document, Part, Sect, Div, BlockQuote, Caption, Index,
    H1, H2, H3, P, L, LI, Lbl, LBody, Table, TR, TH, TD, Figure, Note, Link, Span,
    /// <summary>Decoration, running page numbers, rules: not read aloud.</summary>
    Artifact,
}

/// <summary>
/// A group that encloses blocks (a list, a list item, a table row, a quotation).
/// Consecutive blocks that name the same Id belong to the same group; the list of a
/// block's containers runs from the outermost to the innermost.
/// </summary>
public sealed record StructureContainer(StructureTag Tag, int Id);
