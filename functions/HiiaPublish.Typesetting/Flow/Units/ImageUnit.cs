using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using HiiaPublish.Typesetting.Pages;

namespace HiiaPublish.Typesetting.Flow.Units;

internal sealed class ImageUnit(ImageSource image, double x, double width, StructureRef structure) : FlowUnit
{
    public override string Description => "An image";

    public override void Draw(PageCanvas canvas, double top, bool firstOnPage) =>
        canvas.Elements.Add(new ImageElement(new Rect(x, top, width, Height), image, structure));
}
