using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using HiiaPublish.Typesetting.Pages;

namespace HiiaPublish.Typesetting.Flow.Units;

/// <summary>A horizontal rule; decoration, so an artifact.</summary>
internal sealed class RuleUnit(double x1, double x2, double thickness, Color color) : FlowUnit
{
    public override void Draw(PageCanvas canvas, double top, bool firstOnPage)
    {
        var y = top + thickness / 2;
        canvas.Elements.Add(new RuleElement(x1, y, x2, y, thickness, color, StructureRef.Artifact));
    }
}
