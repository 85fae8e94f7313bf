using HiiaPublish.Typesetting.Fonts;

namespace HiiaPublish.Typesetting.Model;

public sealed record TextStyle(FontSpec Font, double Size, Color Color)
{
    /// <summary>Raise (positive) or lower the baseline, e.g. for superscript note marks.</summary>
    public double BaselineShift { get; init; }

    /// <summary>Underline, e.g. for links when the branding asks for it.</summary>
    public bool Underline { get; init; }
}

public enum TextAlignment { Justify, Left, Center, Right }

public sealed record ParagraphStyle(TextAlignment Alignment, double Leading)
{
    public double SpaceBefore { get; init; }
    public double SpaceAfter { get; init; }
    public double LeftIndent { get; init; }
    public double RightIndent { get; init; }
    /// <summary>Indent of the first line relative to LeftIndent; negative for a hanging indent.</summary>
    public double FirstLineIndent { get; init; }
    public bool Hyphenate { get; init; } = true;
    /// <summary>Keep this block on the same page as at least the first two lines of the next one (headings).</summary>
    public bool KeepWithNext { get; init; }
    /// <summary>Never split this block across pages (short blocks such as captions).</summary>
    public bool KeepTogether { get; init; }
    /// <summary>Fewest lines of a paragraph left at the foot of a page (orphans).</summary>
    public int MinLinesBeforeBreak { get; init; } = 2;
    /// <summary>Fewest lines of a paragraph carried to the top of the next page (widows).</summary>
    public int MinLinesAfterBreak { get; init; } = 2;
}
