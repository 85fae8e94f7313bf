namespace HiiaPublish.Typesetting.Model;

/// <summary>A piece of a paragraph's content.</summary>
public abstract record InlineItem;

public enum TextKind
{
    Prose,
    /// <summary>A URL: never hyphenated; may break after '/', '.', '-', '?', '&amp;' with no hyphen added.</summary>
    Url,
    /// <summary>Never broken inside (a code span, a number with its unit).</summary>
    Unbreakable,
}

/// <summary>Text in one style. Spaces inside it are inter-word glue; a no-break space (U+00A0) is not.</summary>
public sealed record TextRun(string Text, TextStyle Style) : InlineItem
{
    public TextKind Kind { get; init; } = TextKind.Prose;
    public LinkTarget? Link { get; init; }
}

/// <summary>A forced line break inside a paragraph.</summary>
public sealed record LineBreakItem : InlineItem;

/// <summary>
/// A footnote reference. The typesetter draws <see cref="Mark"/> in <see cref="MarkStyle"/>
/// right where it stands, defines an anchor named <see cref="MarkAnchorId"/> there, links the
/// mark to <see cref="NoteAnchorId"/>, and places <see cref="Note"/> at the foot of the page
/// that holds the mark. The note's first block should carry AnchorId = NoteAnchorId, and its
/// label may link back to MarkAnchorId.
/// </summary>
public sealed record FootnoteMark(
    int Number,
    string Mark,
    TextStyle MarkStyle,
    string MarkAnchorId,
    string NoteAnchorId,
    IReadOnlyList<ParagraphBlock> Note) : InlineItem
{
    /// <summary>What the mark's link says where it goes ("Note 3"), for the link annotation's /Contents.</summary>
    public string? LinkDescription { get; init; }
}

/// <summary>Where a link goes; <see cref="Description"/> says so in words, for readers that cannot see the page (PDF/UA).</summary>
public abstract record LinkTarget
{
    public string? Description { get; init; }
}
public sealed record ExternalLink(string Uri) : LinkTarget;
public sealed record InternalLink(string AnchorId) : LinkTarget;
