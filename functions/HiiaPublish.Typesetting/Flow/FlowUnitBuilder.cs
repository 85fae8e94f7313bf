using HiiaPublish.Typesetting.Flow.Tables;
using HiiaPublish.Typesetting.Flow.Units;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;

namespace HiiaPublish.Typesetting.Flow;

/// <summary>
/// Turns a sequence's blocks into flow units and writes the page-break rules onto them:
/// a block's space before becomes the gap of its first unit; widows and orphans forbid breaks between
/// a paragraph's first and last lines; KeepWithNext forbids the breaks inside the block and before the
/// first two units of the next block (so chains of headings stay with their text); a line ending in a hyphen
/// puts a penalty on the break after it.
/// </summary>
internal sealed class FlowUnitBuilder(LayoutContext context, PageGeometry geometry)
{
    // A heading keeps company with this many units (lines) of the block after it.
    private const int KeptUnitsOfNextBlock = 2;

    // TeX's \brokenpenalty: the cost of ending a page after a line that ends in a hyphen, so that a reader never
    // turns the page in the middle of a word. Strong, not a ban: against the paginator's badness (100 for a page
    // two body lines short) it moves the break back up to three lines of 15 pt (45 pt short: badness 338 < 500)
    // but not four (60 pt: 800 > 500). A page three lines short still reads as full above its notes; one four or
    // more lines short reads as a mistake, and is worse than the hyphen. Plain TeX uses 100 against a looser
    // ragged bottom (60 pt stretch); the house style asks for a page never to end hyphenated, hence stronger.
    internal const double BrokenPenalty = 500;

    private readonly ParagraphUnitSetter _paragraphs = new(context, geometry.MarginLeft, geometry.ContentWidth);
    private readonly List<FlowUnit> _units = [];
    private double _pendingGap;
    private int _keepNext;

    private double Left => geometry.MarginLeft;
    private double Width => geometry.ContentWidth;

    public List<FlowUnit> Build(IReadOnlyList<FlowBlock> blocks, CancellationToken cancellationToken)
    {
        foreach (var block in blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (block)
            {
                case ParagraphBlock paragraph:
                    AddParagraph(paragraph);
                    break;
                case ImageBlock image:
                    AddImage(image);
                    break;
                case TableBlock table:
                    AddContent(new TableSetter(context, _paragraphs).Set(table, Left, Width), table.Style.SpaceBefore, table.Style.SpaceAfter, keepTogether: false, keepWithNext: false);
                    break;
                case RuleBlock rule:
                    AddRule(rule);
                    break;
                case SpaceBlock space:
                    AddSpacer(new SpaceUnit { Height = Math.Max(0, space.Height) });
                    break;
                case FillBlock:
                    AddSpacer(new FillUnit());
                    break;
                case PageBreakBlock:
                    _units.Add(new PageBreakUnit());
                    (_pendingGap, _keepNext) = (0, 0);
                    break;
            }
        }
        return _units;
    }

    private void AddParagraph(ParagraphBlock paragraph)
    {
        var style = paragraph.Style;
        var lines = _paragraphs.Set(paragraph, Left, Width, paragraph.Containers, withNotes: true);
        var before = Math.Max(1, style.MinLinesBeforeBreak);
        var after = Math.Max(1, style.MinLinesAfterBreak);
        for (var i = 1; i < lines.Count; i++)
        {
            lines[i].BreakAllowedBefore = i >= before && lines.Count - i >= after;
            if (lines[i - 1].Line.EndsWithHyphen)
                lines[i].BreakPenaltyBefore = BrokenPenalty;
        }
        AddContent(lines, style.SpaceBefore, style.SpaceAfter, style.KeepTogether, style.KeepWithNext);
    }

    private void AddImage(ImageBlock image)
    {
        var size = ImageSizer.Size(image, Width, geometry.ContentHeight, out var warning);
        if (warning is not null)
            context.Warnings.Add(new TypesetWarning(size is null ? TypesetWarningCatalog.ImageUnusable.Code : TypesetWarningCatalog.ImageShrunk.Code, warning, image.SourceLine));
        if (size is not { } s)
            return;
        var x = image.Alignment switch
        {
            TextAlignment.Left or TextAlignment.Justify => Left,
            TextAlignment.Right => Left + Width - s.Width,
            _ => Left + (Width - s.Width) / 2,
        };
        var structure = new StructureRef(StructureTag.Figure, context.NextElementId(), image.Containers) { AltText = image.AltText };
        var unit = new ImageUnit(image.Image, x, s.Width, structure) { Height = s.Height, SourceLine = image.SourceLine };
        AddContent([unit], image.SpaceBefore, image.SpaceAfter, keepTogether: true, image.KeepWithNext);
    }

    private void AddRule(RuleBlock rule)
    {
        var length = Math.Clamp(rule.Length, 0, Width);
        var x = rule.Alignment switch
        {
            TextAlignment.Right => Left + Width - length,
            TextAlignment.Center => Left + (Width - length) / 2,
            _ => Left,
        };
        var thickness = Math.Max(0, rule.Thickness);
        AddContent([new RuleUnit(x, x + length, thickness, rule.Color) { Height = thickness }], rule.SpaceBefore, rule.SpaceAfter, keepTogether: true, keepWithNext: false);
    }

    private void AddContent<T>(List<T> units, double spaceBefore, double spaceAfter, bool keepTogether, bool keepWithNext) where T : FlowUnit
    {
        if (units.Count == 0)
            return;
        units[0].GapBefore = _pendingGap + Math.Max(0, spaceBefore);
        for (var i = 0; i < units.Count; i++)
        {
            if ((i > 0 && (keepTogether || keepWithNext)) || i < _keepNext)
                units[i].BreakAllowedBefore = false;
        }
        _units.AddRange(units);
        _pendingGap = Math.Max(0, spaceAfter);
        _keepNext = keepWithNext ? KeptUnitsOfNextBlock : 0;
    }

    /// <summary>Spaces and fills neither count as the kept lines nor release a keep: a heading, a space, then text stay together.</summary>
    private void AddSpacer(FlowUnit unit)
    {
        if (_keepNext > 0)
            unit.BreakAllowedBefore = false;
        _units.Add(unit);
    }
}
