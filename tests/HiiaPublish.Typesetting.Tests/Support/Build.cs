using HiiaPublish.Typesetting.Fonts;
using HiiaPublish.Typesetting.Hyphenation;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;

namespace HiiaPublish.Typesetting.Tests.Support;

/// <summary>
/// Builders for test documents. Default page: 200 × 300 pt, margins 20, so the content area is 160 × 260;
/// body text is 10 pt (5 pt per character) on a 12 pt leading: 32 characters and 21 lines to a page.
/// </summary>
internal static class Build
{
    public static readonly TextStyle Body = new(new FontSpec("Serif"), 10, Color.Black);
    public static readonly TextStyle Bold = Body with { Font = new FontSpec("Serif", Bold: true) };
    public static readonly TextStyle NoteText = new(new FontSpec("Serif"), 8, Color.Black);
    public static readonly TextStyle MarkStyle = Body with { Size = 6, BaselineShift = 3 };

    public static readonly PageGeometry Page = new(200, 300, 20, 20, 20, 20);
    public static readonly FootnoteAreaStyle Notes = new(40, 0.5, Color.Black, 6, 4, 2);

    public const double Leading = 12;
    public const double NoteLeading = 10;

    public static ParagraphStyle Justified => new(TextAlignment.Justify, Leading);
    public static ParagraphStyle Ragged => new(TextAlignment.Left, Leading);
    public static ParagraphStyle Heading => new(TextAlignment.Left, Leading) { KeepWithNext = true, Hyphenate = false };
    public static ParagraphStyle NoteStyle => new(TextAlignment.Justify, NoteLeading);

    public static ParagraphBlock Para(string text, ParagraphStyle? style = null, StructureTag tag = StructureTag.P) =>
        new([new TextRun(text, Body)], style ?? Justified, tag);

    public static ParagraphBlock Para(params InlineItem[] inlines) => new(inlines, Justified, StructureTag.P);

    public static ParagraphBlock HeadingBlock(string text, StructureTag tag = StructureTag.H2) => new([new TextRun(text, Body)], Heading, tag);

    /// <summary>A paragraph of exactly n lines: one word each, ended by forced line breaks; a mark may follow any line's word.</summary>
    public static ParagraphBlock ExactLines(int n, int start, ParagraphStyle? style = null, IReadOnlyDictionary<int, FootnoteMark>? marks = null) =>
        new([.. Words(n, start: start).SelectMany<string, InlineItem>((w, i) =>
            {
                List<InlineItem> items = i == 0 ? [Run(w)] : [new LineBreakItem(), Run(w)];
                if (marks is not null && marks.TryGetValue(i, out var mark))
                    items.Add(mark);
                return items;
            })],
            style ?? Justified, StructureTag.P);

    public static TextRun Run(string text, TextStyle? style = null) => new(text, style ?? Body);

    public static FootnoteMark Mark(int number, string noteText) =>
        new(number, number.ToString(System.Globalization.CultureInfo.InvariantCulture), MarkStyle, $"mark-{number}", $"note-{number}",
            [new ParagraphBlock([new TextRun(noteText, NoteText)], NoteStyle, StructureTag.Note) { AnchorId = $"note-{number}" }]);

    public static TypesetDocument Document(params FlowBlock[] blocks) => Document([new PageSequence("body", blocks)]);

    public static TypesetDocument Document(IReadOnlyList<PageSequence> sequences, PageGeometry? geometry = null) =>
        new(geometry ?? Page, sequences, Notes);

    /// <summary>n distinct words of letters only ("baa", "bab", …), so tests can find each one in the output.</summary>
    public static string[] Words(int count, string prefix = "w", int start = 0) =>
        [.. Enumerable.Range(start, count).Select(i => prefix + Letters(i))];

    public static string Letters(int i)
    {
        var s = "";
        do
        {
            s = (char)('a' + i % 26) + s;
            i /= 26;
        }
        while (i > 0);
        return s.PadLeft(3, 'a');
    }

    public static LaidOutDocument Layout(TypesetDocument document, IHyphenator? hyphenator = null) =>
        new Typesetter(FakeFontMetrics.Instance).Layout(document, hyphenator ?? NoHyphenation.Instance);
}
