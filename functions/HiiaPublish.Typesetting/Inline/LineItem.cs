namespace HiiaPublish.Typesetting.Inline;

internal enum ItemKind : byte { Box, Glue, Penalty }

/// <summary>Why a penalty offers a break, so the output knows whether to add a hyphen and when to warn.</summary>
internal enum BreakKind : byte { None, Hyphen, ExplicitDash, Url, Emergency, Forced, Prohibited }

/// <summary>
/// One item of Knuth and Plass's model. The line breaker reads only the numbers; <see cref="Fragment"/>
/// points back at the text a box draws (or, for a hyphen penalty, the piece whose style the hyphen takes).
/// </summary>
internal readonly record struct LineItem(ItemKind Kind, double Width, double Stretch, double Shrink, double Penalty, bool Flagged, BreakKind Break, int Fragment)
{
    /// <summary>A penalty at or above this value forbids a break; at or below its negation it forces one (TeX's convention).</summary>
    public const double Infinity = 10_000;

    public static LineItem Box(double width, int fragment) => new(ItemKind.Box, width, 0, 0, 0, false, BreakKind.None, fragment);

    public static LineItem Glue(double width, double stretch, double shrink) => new(ItemKind.Glue, width, stretch, shrink, 0, false, BreakKind.None, -1);

    public static LineItem BreakPenalty(double width, double penalty, bool flagged, BreakKind kind, int fragment) =>
        new(ItemKind.Penalty, width, 0, 0, penalty, flagged, kind, fragment);

    public static LineItem NoBreak() => new(ItemKind.Penalty, 0, 0, 0, Infinity, false, BreakKind.Prohibited, -1);

    public static LineItem ForcedBreak() => new(ItemKind.Penalty, 0, 0, 0, -Infinity, false, BreakKind.Forced, -1);

    /// <summary>Glue that can absorb any amount of space: ends the last line of a paragraph (and lines before a forced break).</summary>
    public static LineItem FillGlue() => Glue(0, double.PositiveInfinity, 0);

    public bool IsFill => Kind == ItemKind.Glue && double.IsPositiveInfinity(Stretch);

    /// <summary>A break point that takes no room and joins its neighbours when not broken (a zero-width space).</summary>
    public static LineItem ZeroWidthBreak() => Glue(0, 0, 0);

    public bool IsZeroWidthBreak => Kind == ItemKind.Glue && Width == 0 && Stretch == 0 && Shrink == 0;
    public bool IsForcedBreak => Kind == ItemKind.Penalty && Penalty <= -Infinity;
}
