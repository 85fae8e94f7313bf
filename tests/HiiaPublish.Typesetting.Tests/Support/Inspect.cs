using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;

namespace HiiaPublish.Typesetting.Tests.Support;

/// <summary>A line as a reader sees it: the text elements sharing a baseline on one page.</summary>
internal sealed record SeenLine(int Page, double Baseline, IReadOnlyList<TextElement> Pieces)
{
    public string Text => string.Concat(Pieces.Select(p => p.Text));
    public double Left => Pieces[0].X;
    public double Right => Pieces[^1].X + Pieces[^1].Width;
    public StructureTag Tag => Pieces[^1].Structure.Tag;
    public int ElementId => Pieces[^1].Structure.ElementId;
    public double Top => Pieces.Min(p => p.Baseline - p.Style.BaselineShift - FakeFontMetrics.Ascent * p.Style.Size);
    public double Bottom => Pieces.Max(p => p.Baseline - p.Style.BaselineShift + FakeFontMetrics.Descent * p.Style.Size);
}

internal static class Inspect
{
    /// <summary>Lines of non-artifact text, in drawing order; a line's pieces are grouped by page, baseline and element.</summary>
    public static List<SeenLine> Lines(this LaidOutDocument document) =>
        [.. document.Pages.SelectMany(page => page.Lines())];

    public static List<SeenLine> Lines(this LaidOutPage page)
    {
        var lines = new List<SeenLine>();
        List<TextElement>? current = null;
        foreach (var text in page.Elements.OfType<TextElement>().Where(t => t.Structure.Tag != StructureTag.Artifact))
        {
            if (current is not null && Math.Abs(current[0].Baseline - text.Baseline) < 0.001 && SameOwner(current[^1], text))
            {
                current.Add(text);
                continue;
            }
            if (current is not null)
                lines.Add(new SeenLine(page.Number, current[0].Baseline, current));
            current = [text];
        }
        if (current is not null)
            lines.Add(new SeenLine(page.Number, current[0].Baseline, current));
        return lines;
    }

    private static bool SameOwner(TextElement a, TextElement b) =>
        a.Structure.ElementId == b.Structure.ElementId || a.Structure.Tag == StructureTag.Lbl || b.Structure.Tag == StructureTag.Lbl;

    /// <summary>All words of the lines, in order (a hyphen at a line end joins the word to the next line).</summary>
    public static List<string> Words(this IEnumerable<SeenLine> lines)
    {
        var text = string.Concat(lines.Select(l => l.Text.EndsWith('-') ? l.Text[..^1] : l.Text + " "));
        return [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }

    public static int PageOfAnchor(this LaidOutDocument document, string id) =>
        document.Pages.Single(p => p.Anchors.Any(a => a.Id == id)).Number;

    public static AnchorPoint Anchor(this LaidOutDocument document, string id) =>
        document.Pages.SelectMany(p => p.Anchors).Single(a => a.Id == id);
}
