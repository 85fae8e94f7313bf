using HiiaPublish.Typesetting.Fonts;
using HiiaPublish.Typesetting.Model;
using BrandingModel = HiiaPublish.Format.Branding.Branding;

namespace HiiaPublish.Rendering;

/// <summary>
/// Every measure of the HIIA Perspective's look, in points, derived once from the branding file.
/// The values follow what a book designer does for an A4 policy paper; each says why it is what it is.
/// </summary>
public sealed class HouseStyle
{
    public HouseStyle(BrandingModel branding)
    {
        Primary = Color.FromHex(branding.Colours.Primary);
        Accent = Color.FromHex(branding.Colours.Accent);
        Text = Color.FromHex(branding.Colours.Text);
        Muted = Color.FromHex(branding.Colours.Muted);
        Serif = new FontSpec(branding.Fonts.Body);
        Sans = new FontSpec(branding.Fonts.Heading);

        Body = new TextStyle(Serif, BodySize, Text);
        NoteText = new TextStyle(Serif, NoteSize, Text);
        BodyParagraph = new ParagraphStyle(TextAlignment.Justify, BodyLeading) { SpaceAfter = 6 };
        NoteParagraph = new ParagraphStyle(TextAlignment.Justify, NoteLeading) { SpaceAfter = 0, MinLinesBeforeBreak = 1, MinLinesAfterBreak = 1 };
    }

    public Color Primary { get; }
    public Color Accent { get; }
    public Color Text { get; }
    public Color Muted { get; }
    public Color White { get; } = new(255, 255, 255);
    public FontSpec Serif { get; }
    public FontSpec Sans { get; }

    // A4 with margins of about 24 mm at the sides: a measure of 75–85 characters of 10.5 pt serif,
    // the comfortable range for continuous reading. The foot is deeper to hold the page number.
    public PageGeometry Page { get; } = PageGeometry.A4(top: 66, bottom: 74, left: 68, right: 68);

    // The cover bleeds: its navy band runs to the paper's edges.
    public PageGeometry CoverPage { get; } = PageGeometry.A4(top: 56, bottom: 50, left: 56, right: 56);

    // Half an A4 page tall: room for a five-line title, the series and the authors.
    public double CoverBandHeight => 430;

    // 10.5 pt on 15 pt: the leading a serif text face needs at this measure (≈ 1.43).
    public const double BodySize = 10.5;
    public const double BodyLeading = 15;
    // Notes are read less continuously: smaller, with proportionally tighter leading.
    public const double NoteSize = 8;
    public const double NoteLeading = 10.5;
    // Superscript marks: about 60 % of the text size, raised by a third of the size (clear of the x-height).
    public const double MarkScale = 0.6;
    public const double MarkRaise = 0.36;

    public TextStyle Body { get; }
    public TextStyle NoteText { get; }
    public ParagraphStyle BodyParagraph { get; }
    public ParagraphStyle NoteParagraph { get; }

    public TextStyle LinkStyle(TextStyle around) => around with { Color = Primary };

    public TextStyle MarkStyle(TextStyle around) =>
        around with { Size = around.Size * MarkScale, BaselineShift = around.Size * MarkRaise };

    public TextStyle SectionHeading => new(Sans.WithBold(), 12, Primary);
    public ParagraphStyle SectionHeadingParagraph => new(TextAlignment.Left, 16)
    {
        SpaceBefore = 20, SpaceAfter = 8, Hyphenate = false, KeepWithNext = true,
    };

    public TextStyle Subheading => new(Sans.WithBold(), 10.5, Text);
    public ParagraphStyle SubheadingParagraph => new(TextAlignment.Left, 15)
    {
        SpaceBefore = 12, SpaceAfter = 4, Hyphenate = false, KeepWithNext = true,
    };

    public TextStyle OpeningDate => new(Sans, 9, Muted);
    public TextStyle Byline => new(Sans, 9.5, Text);
    public TextStyle OpeningTitle => new(Sans.WithBold(), 17, Primary);
    public TextStyle OpeningSubtitle => new(Sans, 12, Primary);
    public TextStyle Abstract => new(Serif.WithItalic(), BodySize, Text);

    public TextStyle TableText => new(Sans, 8.5, Text);
    public TextStyle Caption => new(Serif.WithItalic(), 9, Muted);
    public TextStyle PageNumber => new(Sans, 8.5, Muted);

    public FootnoteAreaStyle Footnotes => new(RuleLength: 120, RuleThickness: 0.5, RuleColor: Muted,
        GapAboveRule: 10, GapBelowRule: 6, GapBetweenNotes: 2);

    // Centred in the bottom margin, clear of the last text line and of the paper's edge.
    public PageNumberStyle PageNumbers => new(PageNumber, BaselineFromBottom: 38, Alignment: TextAlignment.Center);
}
