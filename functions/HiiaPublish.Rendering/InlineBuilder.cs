using System.Globalization;
using HiiaPublish.Format;
using HiiaPublish.Typesetting.Model;
using Model = HiiaPublish.Format;

namespace HiiaPublish.Rendering;

/// <summary>
/// Turns the model's inlines into styled runs. Emphasis and strong switch the face; links get the link
/// colour and a target; a footnote reference becomes a superscript mark carrying its note (placed once,
/// at the first reference; a later reference only links to it).
/// </summary>
internal sealed class InlineBuilder(HouseStyle style, IReadOnlyDictionary<int, Footnote> notes, CultureInfo culture)
{
    private readonly HashSet<int> _placedNotes = [];

    public CultureInfo Culture => culture;

    /// <summary>Builds a note's paragraphs given the note and the anchor of its mark (for the back-link).</summary>
    public Func<Footnote, string, IReadOnlyList<ParagraphBlock>> BuildNote { get; set; } = (_, _) => [];

    public List<InlineItem> Build(IEnumerable<Inline> inlines, TextStyle baseStyle, bool upperCase = false)
    {
        var items = new List<InlineItem>();
        Append(items, inlines, baseStyle, link: null, upperCase);
        return items;
    }

    private void Append(List<InlineItem> items, IEnumerable<Inline> inlines, TextStyle current, string? link, bool upperCase)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Text text:
                    items.Add(Run(upperCase ? text.Value.ToUpper(culture) : text.Value, current, link, TextKind.Prose));
                    break;
                case CodeSpan code:
                    items.Add(Run(code.Value, current, link, TextKind.Unbreakable));
                    break;
                case Emphasis emphasis:
                    Append(items, emphasis.Content, current with { Font = current.Font.WithItalic(!current.Font.Italic) }, link, upperCase);
                    break;
                case Strong strong:
                    Append(items, strong.Content, current with { Font = current.Font.WithBold() }, link, upperCase);
                    break;
                case Model.Link l:
                    var linkStyle = style.LinkStyle(current);
                    if (l.IsAutolink)
                        items.Add(new TextRun(l.Url, linkStyle) { Kind = TextKind.Url, Link = new ExternalLink(l.Url) });
                    else
                        Append(items, l.Content, linkStyle, l.Url, upperCase);
                    break;
                case FootnoteReference reference:
                    items.Add(Mark(reference.Number, current));
                    break;
                case Model.LineBreak:
                    items.Add(new LineBreakItem());
                    break;
            }
        }
    }

    private static TextRun Run(string text, TextStyle style, string? link, TextKind kind) =>
        new(text, style) { Kind = kind, Link = link is null ? null : new ExternalLink(link) };

    private InlineItem Mark(int number, TextStyle around)
    {
        var label = number.ToString(CultureInfo.InvariantCulture);
        var markStyle = style.MarkStyle(around with { Font = around.Font with { Bold = false, Italic = false }, Color = style.Text });
        if (!notes.TryGetValue(number, out var note) || !_placedNotes.Add(number))
            return new TextRun(label, markStyle) { Kind = TextKind.Unbreakable, Link = new InternalLink(NoteAnchor(number)) { Description = NoteLinkText(number, culture) } };

        return new FootnoteMark(number, label, markStyle, MarkAnchor(number), NoteAnchor(number), BuildNote(note, MarkAnchor(number)))
        {
            LinkDescription = NoteLinkText(number, culture),
        };
    }

    // The words a screen reader says for a note's links (the annotation's /Contents), in the paper's language.
    public static string NoteLinkText(int number, CultureInfo culture) => IsHungarian(culture)
        ? number.ToString(CultureInfo.InvariantCulture) + ". lábjegyzet"
        : "Note " + number.ToString(CultureInfo.InvariantCulture);

    public static string BackToNoteText(int number, CultureInfo culture) => IsHungarian(culture)
        ? "Vissza a " + number.ToString(CultureInfo.InvariantCulture) + ". lábjegyzet helyére a szövegben"
        : "Back to the text of note " + number.ToString(CultureInfo.InvariantCulture);

    private static bool IsHungarian(CultureInfo culture) => culture.TwoLetterISOLanguageName == "hu";

    public static string NoteAnchor(int number) => "note-" + number.ToString(CultureInfo.InvariantCulture);
    public static string MarkAnchor(int number) => "noteref-" + number.ToString(CultureInfo.InvariantCulture);
}
