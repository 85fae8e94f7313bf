using HiiaPublish.Typesetting.Fonts;
using HiiaPublish.Typesetting.Model;

namespace HiiaPublish.Typesetting.Output;

/// <summary>The typesetter's result: positioned pages a painter draws and tests inspect without a PDF.</summary>
public sealed record LaidOutDocument(IReadOnlyList<LaidOutPage> Pages, IReadOnlyList<OutlineEntry> Outline, IReadOnlyList<TypesetWarning> Warnings);

public sealed record LaidOutPage(int Number, double Width, double Height, string SequenceName, IReadOnlyList<PageElement> Elements, IReadOnlyList<AnchorPoint> Anchors)
{
    /// <summary>Text of the running page number drawn on this page, or null when the page shows none.</summary>
    public string? PageNumberText { get; init; }
}

/// <summary>A link destination on a page (top of a note, a footnote mark, a heading).</summary>
public sealed record AnchorPoint(string Id, double X, double Y);

public sealed record OutlineEntry(string Title, int Level, int PageNumber, double Y);

/// <summary>
/// Something the typesetter had to bend (a word wider than the line, a table too wide), for the editor; its code is
/// one of <see cref="TypesetWarningCatalog"/>.
/// </summary>
public sealed record TypesetWarning(string Code, string Message, int SourceLine)
{
    /// <summary>For a missing character (TS0005): the font that lacks it, so a caller can word its own message.</summary>
    public FontSpec? Font { get; init; }

    /// <summary>For a missing character (TS0005): the character's code point.</summary>
    public int? CodePoint { get; init; }
}

/// <summary>
/// Which logical element a drawn item belongs to, for tagging. Items of one element share the same
/// <see cref="ElementId"/>, also across pages; <see cref="Containers"/> are the enclosing groups, outermost first.
/// </summary>
public sealed record StructureRef(StructureTag Tag, int ElementId, IReadOnlyList<StructureContainer> Containers)
{
    public static readonly StructureRef Artifact = new(StructureTag.Artifact, 0, []);
    public string? AltText { get; init; }
}

public abstract record PageElement(StructureRef Structure);

/// <summary>
/// Text drawn with its baseline at (X, Baseline). A word followed by an inter-word space on the same line
/// ends with one space character in Text (so copied text has its spaces); Width measures the visible part only.
/// A word at the end of a line that broke at a space ends with a space too: text read out of the PDF keeps the
/// last word of one line apart from the first of the next.
/// </summary>
public sealed record TextElement(double X, double Baseline, string Text, TextStyle Style, double Width, StructureRef Structure) : PageElement(Structure)
{
    /// <summary>How the line ends after this piece, when it is the last of its line and the word goes on.</summary>
    public LineEnd End { get; init; }
}

/// <summary>What the break after the last piece of a line did to the text, so the painter can say it to text extraction.</summary>
public enum LineEnd : byte
{
    /// <summary>Not a line end inside a word (a line that broke at a space, a paragraph's last line).</summary>
    None,
    /// <summary>The word was hyphenated here: the last character, '-', was added by the line break (a soft hyphen).</summary>
    HyphenAdded,
    /// <summary>The word goes on at the next line with nothing added (after a real hyphen, inside a URL).</summary>
    WordContinues,
    /// <summary>A forced line break inside a paragraph (a line break in the source): the next line is a new word.</summary>
    ForcedBreak,
}

public sealed record RuleElement(double X1, double Y1, double X2, double Y2, double Thickness, Color Color, StructureRef Structure) : PageElement(Structure);

public sealed record FilledRectElement(Rect Area, Color Fill, StructureRef Structure) : PageElement(Structure);

public sealed record ImageElement(Rect Area, ImageSource Image, StructureRef Structure) : PageElement(Structure);

/// <summary>A clickable area; drawn as nothing, annotated by the painter.</summary>
public sealed record LinkElement(Rect Area, LinkTarget Target, StructureRef Structure) : PageElement(Structure);
