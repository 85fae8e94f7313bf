using HiiaPublish.Typesetting.Fonts;
using HiiaPublish.Typesetting.Hyphenation;
using HiiaPublish.Typesetting.Inline;
using HiiaPublish.Typesetting.Lines;
using HiiaPublish.Typesetting.Output;

namespace HiiaPublish.Typesetting.Flow;

/// <summary>The small, fresh state of one layout: caches, reused buffers, id counters, warnings.</summary>
internal sealed class LayoutContext
{
    private int _nextElementId = 1;
    // Containers we create (tables, rows, cells) count down from -1, so they never meet the builder's own ids.
    private int _nextContainerId = -1;

    public LayoutContext(IFontMetrics metrics, IHyphenator hyphenator)
    {
        Measurer = new TextMeasurer(metrics);
        Paragraphs = new ParagraphSetter(Measurer, new ParagraphItemBuilder(Measurer, new WordBreakFinder(hyphenator)), new LineComposer(Measurer));
    }

    public TextMeasurer Measurer { get; }
    public ParagraphSetter Paragraphs { get; }
    public List<TypesetWarning> Warnings { get; } = [];

    public int NextElementId() => _nextElementId++;
    public int NextContainerId() => _nextContainerId--;
}
