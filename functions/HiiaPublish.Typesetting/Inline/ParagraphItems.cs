namespace HiiaPublish.Typesetting.Inline;

/// <summary>A paragraph as boxes, glue and penalties, with the fragments its boxes draw.</summary>
internal sealed class ParagraphItems(List<LineItem> items, List<Fragment> fragments)
{
    public List<LineItem> Items { get; } = items;
    public List<Fragment> Fragments { get; } = fragments;
    public IReadOnlyList<OverwideWord> OverwideWords { get; init; } = [];
}
