using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;

namespace HiiaPublish.Typesetting.Pages;

/// <summary>What is drawn on one page, in drawing order, plus its link destinations and outline entries.</summary>
internal sealed class PageCanvas(int pageNumber, List<OutlineEntry> outline)
{
    public int PageNumber { get; } = pageNumber;
    public List<PageElement> Elements { get; } = [];
    public List<AnchorPoint> Anchors { get; } = [];

    public void AddOutline(OutlineInfo info, double y) => outline.Add(new OutlineEntry(info.Title, info.Level, PageNumber, y));
}
