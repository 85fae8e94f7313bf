using HiiaPublish.Typesetting.Model;

namespace HiiaPublish.Rendering;

/// <summary>The paragraph styles a page script (templates/pdf/*.scriban) may name with '@style'.</summary>
internal static class PageScriptStyles
{
    public static (TextStyle Text, ParagraphStyle Paragraph)? Find(HouseStyle style, string name) => name switch
    {
        "cover-series" => (new TextStyle(style.Sans.WithBold(), 10, style.Accent), Ragged(14)),
        "cover-title" => (new TextStyle(style.Sans.WithBold(), 28, style.White), Ragged(34) with { SpaceAfter = 10 }),
        "cover-subtitle" => (new TextStyle(style.Sans, 15, style.White), Ragged(20)),
        "cover-author" => (new TextStyle(style.Sans.WithBold(), 11, style.White), Ragged(16)),
        "cover-mark" => (new TextStyle(style.Sans.WithBold(), 9, style.Primary), Ragged(13) with { SpaceBefore = 8 }),
        // On a cover without a photo the mark sits on the navy field: larger, since it carries the page's foot.
        "cover-field-mark" => (new TextStyle(style.Sans.WithBold(), 13, style.White), Ragged(18) with { SpaceBefore = 10 }),
        "cover-field-homepage" => (new TextStyle(style.Sans, 9, style.Accent), Ragged(13) with { SpaceBefore = 4 }),
        "imprint-heading" => (new TextStyle(style.Serif.WithBold(), 8.5, style.Text), Ragged(11.5)),
        "imprint-label" => (new TextStyle(style.Serif.WithBold(), 8.5, style.Text), Ragged(11.5)),
        "imprint-text" => (new TextStyle(style.Serif, 8.5, style.Text), Ragged(11.5)),
        "back-mark" => (new TextStyle(style.Sans.WithBold(), 16, style.Primary), Ragged(22) with { Alignment = TextAlignment.Center }),
        "back-homepage" => (new TextStyle(style.Sans, 10, style.Muted), Ragged(14) with { Alignment = TextAlignment.Center }),
        _ => null,
    };

    // Display lines are set ragged and unhyphenated: a split word in a title reads as a mistake.
    private static ParagraphStyle Ragged(double leading) => new(TextAlignment.Left, leading) { Hyphenate = false, KeepTogether = true };
}
