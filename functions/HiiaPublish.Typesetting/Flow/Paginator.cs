using HiiaPublish.Typesetting.Flow.Tables;
using HiiaPublish.Typesetting.Flow.Units;
using HiiaPublish.Typesetting.Output;

namespace HiiaPublish.Typesetting.Flow;

/// <summary>
/// Fills pages with units, top to bottom, the footnote area growing up from the foot.
/// The invariant: a note's first line sits on the page of the line holding its mark. A unit whose notes do not
/// fit with it moves, with what follows, to the next page (at the latest break the rules allow). Only when the
/// unit and its notes would not fit even a fresh page are the notes split: their first lines stay, the rest
/// opens the next page's footnote area.
/// Each page is decided once, by one forward scan with a single step back to the last allowed break, and every
/// page takes at least one unit or one carried note line: pages ≤ units + note lines, so layout always ends.
/// </summary>
internal sealed class Paginator(double contentHeight, FootnoteArea area, List<TypesetWarning> warnings)
{
    // Rounding in sums of line heights must not push the last line of a full page over.
    private const double Tolerance = 1e-6;

    // A page's badness, as TeX's page builder has it: 100·(shortfall / stretch)³, at most 10000. Pages are set
    // with a ragged bottom, so the stretch is not glue on the page but how short a page may be before it looks
    // wrong: two lines of 15 pt body text are short by badness 100. Badness only ranks the page's allowed breaks
    // against their penalties; with no penalties the latest allowed break always wins, as it did before.
    private const double RaggedBottomStretch = 30;
    private const double MaxBadness = 10000;

    private static double Badness(double shortfall) =>
        shortfall <= 0 ? 0 : Math.Min(MaxBadness, 100 * Math.Pow(shortfall / RaggedBottomStretch, 3));

    public List<PagePlan> Paginate(List<FlowUnit> units, CancellationToken cancellationToken)
    {
        var pages = new List<PagePlan>();
        var carry = new List<NotePart>();
        var start = 0;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (start < units.Count && units[start] is PageBreakUnit)
                start++;
            var page = new PagePlan { BodyStart = start, BodyEnd = start };
            carry = PlaceCarried(page, carry);
            if (carry.Count == 0 && start < units.Count)
                carry = FillBody(page, units);
            else
                page.ClosedByAuthor = start >= units.Count;
            pages.Add(page);
            start = page.BodyEnd;
            if (start < units.Count && units[start] is PageBreakUnit)
                start++;
        }
        while (start < units.Count || carry.Count > 0);
        return pages;
    }

    private List<NotePart> PlaceCarried(PagePlan page, List<NotePart> carried)
    {
        var remaining = new List<NotePart>();
        foreach (var part in carried)
        {
            if (remaining.Count > 0)
            {
                remaining.Add(part);
                continue;
            }
            var lead = area.Lead(page.Notes.Count);
            var to = TakeUnits(part.Note, part.From, contentHeight - page.NotesHeight - lead, atLeastOne: page.Notes.Count == 0);
            if (to > part.From)
                AddPart(page, -1, part with { To = to });
            if (to < part.Note.Units.Count)
                remaining.Add(part with { From = to });
        }
        return remaining;
    }

    private List<NotePart> FillBody(PagePlan page, List<FlowUnit> units)
    {
        var s = page.BodyStart;
        if (units[s] is TableRowUnit { NeedsRepeatedHeader: true } row)
        {
            page.RepeatedHeader = row.Frame;
            page.BodyHeight = row.Frame.HeaderHeight;
        }
        // The allowed breaks met so far, with the page's filled height and the penalty of breaking there.
        var breaks = new List<(int Before, double Filled, double Penalty)>();
        for (var i = s; i < units.Count; i++)
        {
            var unit = units[i];
            if (unit is PageBreakUnit)
            {
                page.BodyEnd = i;
                page.ClosedByAuthor = true;
                return [];
            }
            var gap = i == s ? 0 : unit.GapBefore;
            if (page.BodyHeight + gap + unit.Height + page.NotesHeight + area.Growth(page.Notes.Count, unit.Notes) <= contentHeight + Tolerance)
            {
                if (i > s && unit.BreakAllowedBefore)
                    breaks.Add((i, page.BodyHeight + page.NotesHeight, unit.BreakPenaltyBefore));
                Place(page, i, unit, gap);
                continue;
            }

            var fitsFreshPage = unit.Height + area.Growth(0, unit.Notes) <= contentHeight + Tolerance;
            if (i == s || !fitsFreshPage)
            {
                if (unit.Notes.Count > 0 && TrySplitNotes(page, i, unit, gap, force: false, out var carry))
                    return carry;
                if (i == s)
                    return PlaceOnFullPage(page, i, unit);
            }
            if (unit.BreakAllowedBefore)
                breaks.Add((i, page.BodyHeight + page.NotesHeight, unit.BreakPenaltyBefore));
            var end = BestBreak(breaks);
            if (end <= s)
                end = i;  // no allowed break on this page: breaking a keep beats running off the page
            Truncate(page, units, end);
            return [];
        }
        page.BodyEnd = units.Count;
        page.ClosedByAuthor = true;
        return [];
    }

    /// <summary>The allowed break of least badness plus penalty; of equals, the latest (the fullest page). -1 for none.</summary>
    private int BestBreak(List<(int Before, double Filled, double Penalty)> breaks)
    {
        var best = -1;
        var bestCost = double.PositiveInfinity;
        foreach (var (before, filled, penalty) in breaks)
        {
            var cost = Badness(contentHeight - filled) + penalty;
            if (cost <= bestCost)
                (best, bestCost) = (before, cost);
        }
        return best;
    }

    /// <summary>The unit starts the page and still does not fit: notes carried from before fill it, or the unit is taller than a page.</summary>
    private List<NotePart> PlaceOnFullPage(PagePlan page, int index, FlowUnit unit)
    {
        if (page.Notes.Count > 0)
            return [];  // the carried notes fill this page; the unit opens the next one
        warnings.Add(new TypesetWarning(TypesetWarningCatalog.TallerThanPage.Code,
            $"{unit.Description} is taller than the page and runs past its foot; shorten it or split it.", unit.SourceLine));
        if (unit.Notes.Count > 0 && TrySplitNotes(page, index, unit, 0, force: true, out var carry))
            return carry;
        Place(page, index, unit, 0);
        return [];
    }

    /// <summary>Places the unit with the first lines of each of its notes, and as much more as fits; returns the rest.</summary>
    private bool TrySplitNotes(PagePlan page, int index, FlowUnit unit, double gap, bool force, out List<NotePart> carry)
    {
        carry = [];
        var notes = unit.Notes;
        var room = contentHeight - page.BodyHeight - gap - unit.Height - page.NotesHeight;
        var minimums = new double[notes.Count];
        for (var k = 0; k < notes.Count; k++)
            minimums[k] = area.Lead(page.Notes.Count + k) + (notes[k].Units.Count > 0 ? notes[k].Units[0].Height : 0);
        if (!force && minimums.Sum() > room + Tolerance)
            return false;

        page.BodyHeight += gap + unit.Height;
        page.BodyEnd = index + 1;
        for (var k = 0; k < notes.Count; k++)
        {
            var later = minimums.AsSpan(k + 1).ToArray().Sum();
            var lead = area.Lead(page.Notes.Count);
            var to = TakeUnits(notes[k], 0, room - later - lead, atLeastOne: true);
            var part = new NotePart(notes[k], 0, to);
            AddPart(page, index, part);
            room -= lead + part.Height;
            if (!part.IsComplete)
                carry.Add(new NotePart(notes[k], to, notes[k].Units.Count));
        }
        return true;
    }

    /// <summary>How far from <paramref name="from"/> a note's units fit in <paramref name="room"/>.</summary>
    private static int TakeUnits(Footnote note, int from, double room, bool atLeastOne)
    {
        var to = from;
        var height = 0.0;
        while (to < note.Units.Count)
        {
            var next = height + (to > from ? note.Units[to].GapBefore : 0) + note.Units[to].Height;
            if (next > room + Tolerance && !(atLeastOne && to == from))
                break;
            height = next;
            to++;
        }
        return to;
    }

    private void Place(PagePlan page, int index, FlowUnit unit, double gap)
    {
        page.BodyHeight += gap + unit.Height;
        page.BodyEnd = index + 1;
        foreach (var note in unit.Notes)
            AddPart(page, index, new NotePart(note, 0, note.Units.Count));
    }

    private void AddPart(PagePlan page, int unitIndex, NotePart part)
    {
        page.Notes.Add((unitIndex, part));
        page.NotesHeight = area.Height(page.Notes.Select(n => n.Part));
    }

    /// <summary>Ends the page before unit <paramref name="end"/>: what follows, with its notes, moves on.</summary>
    private void Truncate(PagePlan page, List<FlowUnit> units, int end)
    {
        page.BodyEnd = end;
        page.Notes.RemoveAll(n => n.Unit >= end);
        page.NotesHeight = area.Height(page.Notes.Select(n => n.Part));
        var height = page.RepeatedHeader?.HeaderHeight ?? 0;
        for (var i = page.BodyStart; i < end; i++)
            height += (i > page.BodyStart ? units[i].GapBefore : 0) + units[i].Height;
        page.BodyHeight = height;
    }
}
