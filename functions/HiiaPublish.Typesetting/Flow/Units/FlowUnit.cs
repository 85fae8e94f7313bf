using HiiaPublish.Typesetting.Pages;

namespace HiiaPublish.Typesetting.Flow.Units;

/// <summary>
/// The smallest thing the page builder moves: a line, an image, a table row, a rule, a space.
/// Rules about where pages may break live on the units as data (<see cref="BreakAllowedBefore"/>,
/// <see cref="BreakPenaltyBefore"/>), so the page builder applies widows, orphans, keeps, headers and
/// hyphenated page ends without knowing about them.
/// </summary>
internal abstract class FlowUnit
{
    public double Height { get; init; }

    /// <summary>Space above the unit that disappears when the unit starts a page (a block's space before).</summary>
    public double GapBefore { get; set; }

    /// <summary>False where a page must not end right before this unit (widow, orphan, keep).</summary>
    public bool BreakAllowedBefore { get; set; } = true;

    /// <summary>
    /// What ending a page right before this unit costs, in the units of a page's badness (see the paginator):
    /// 0 for most; more where a page may end but had better not (after a line ending in a hyphen).
    /// </summary>
    public double BreakPenaltyBefore { get; set; }

    public virtual IReadOnlyList<Footnote> Notes => [];

    /// <summary>Said in a warning when the unit is taller than a page: "A table row", "An image".</summary>
    public virtual string Description => "A line";

    public int SourceLine { get; init; }

    public abstract void Draw(PageCanvas canvas, double top, bool firstOnPage);
}

/// <summary>Space the author asked for; unlike a block's space before, it stays at the top of a page.</summary>
internal sealed class SpaceUnit : FlowUnit
{
    public override string Description => "A space";

    public override void Draw(PageCanvas canvas, double top, bool firstOnPage) { }
}

/// <summary>Takes an equal share of the free height of a page the author closed (see the page composer).</summary>
internal sealed class FillUnit : FlowUnit
{
    public override void Draw(PageCanvas canvas, double top, bool firstOnPage) { }
}

/// <summary>Ends the page here (ignored at the top of a page, so it never makes an empty page).</summary>
internal sealed class PageBreakUnit : FlowUnit
{
    public override void Draw(PageCanvas canvas, double top, bool firstOnPage) { }
}
