using System.Globalization;
using HiiaPublish.Format;
using HiiaPublish.Format.Images;
using HiiaPublish.Typesetting.Model;
using BrandingModel = HiiaPublish.Format.Branding.Branding;

namespace HiiaPublish.Rendering;

/// <summary>
/// Builds what the typesetter lays out, in the order of a finished HIIA Perspective: cover, imprint,
/// opening page and body (one flowing sequence), back cover. Measures nothing; decides only what goes
/// where and in which style.
/// </summary>
internal sealed partial class DocumentBuilder(HouseStyle style, PdfTemplates templates, BrandingModel branding)
{
    public TypesetDocument Build(Perspective perspective, RenderContext context)
    {
        var metadata = perspective.Metadata;
        var brand = branding.For(metadata.Language);
        var culture = CultureInfo.GetCultureInfo(metadata.Language.Bcp47());
        var reader = new PageScriptReader(style);

        // Whether the cover has its photo decides the cover's design and whether the imprint credits a photo.
        var coverImage = CoverImage(metadata, context);
        var scriptData = PaperScriptData.For(metadata, brand, branding.Homepage, hasCoverImage: coverImage is not null);

        // With a photo, the navy band holds the title and the photo sits below it; without one, the navy field
        // covers the whole page (the photo's place included) and carries the institute's mark at its foot.
        var field = coverImage is null
            ? new Rect(0, 0, style.CoverPage.Width, style.CoverPage.Height)
            : new Rect(0, 0, style.CoverPage.Width, style.CoverBandHeight);
        var cover = new PageSequence("cover", reader.Read(templates.RenderCover(scriptData), () => coverImage, "cover.scriban"))
        {
            Geometry = style.CoverPage,
            ShowPageNumbers = false,
            Decorations = [new FilledRectDecoration(field, style.Primary)],
        };
        var imprint = new PageSequence("imprint", reader.Read(templates.RenderImprint(scriptData), () => null, "imprint.scriban"))
        {
            Placement = VerticalPlacement.Bottom,
        };
        var body = new PageSequence("body", [.. Opening(metadata, brand, culture, context), .. Body(perspective, culture, context)]);
        // Covers are not numbered, the back one no more than the front (house style: pages between the covers are).
        var back = new PageSequence("back-cover", reader.Read(templates.RenderBackCover(scriptData), () => null, "back-cover.scriban"))
        {
            Placement = VerticalPlacement.Center,
            ShowPageNumbers = false,
        };

        return new TypesetDocument(style.Page, [cover, imprint, body, back], style.Footnotes) { PageNumbers = style.PageNumbers };
    }

    private IEnumerable<FlowBlock> Opening(PerspectiveMetadata metadata, Format.Branding.BrandingLanguage brand, CultureInfo culture, RenderContext context)
    {
        var line = new ParagraphStyle(TextAlignment.Left, 13) { Hyphenate = false };
        yield return Paragraph([new TextRun(brand.FormatDate(metadata.Date), style.OpeningDate)], line with { SpaceAfter = 10 });

        var byline = new List<InlineItem>();
        foreach (var author in metadata.Authors)
        {
            if (byline.Count > 0) byline.Add(new LineBreakItem());
            var who = author.Role is { Length: > 0 } role ? $"{author.Name}, {branding.RoleWithInstitute(metadata.Language, role)}" : author.Name;
            byline.Add(new TextRun(who, style.Byline));
        }
        yield return Paragraph(byline, line with { SpaceAfter = 22 });

        yield return Paragraph([new TextRun(metadata.Title.ToUpper(culture), style.OpeningTitle)],
            new ParagraphStyle(TextAlignment.Left, 22) { Hyphenate = false, KeepWithNext = true, SpaceAfter = metadata.Subtitle is null ? 16 : 4 },
            StructureTag.H1);
        if (metadata.Subtitle is { Length: > 0 } subtitle)
            yield return Paragraph([new TextRun(subtitle, style.OpeningSubtitle)],
                new ParagraphStyle(TextAlignment.Left, 16) { Hyphenate = false, KeepWithNext = true, SpaceAfter = 16 });

        var inlines = new InlineBuilder(style, new Dictionary<int, Footnote>(), culture);
        yield return new RuleBlock(48, 1.5, style.Accent) { SpaceAfter = 10 };
        yield return Paragraph(inlines.Build(metadata.Abstract, style.Abstract), style.BodyParagraph with { SpaceAfter = 18 });
    }

    private ImageBlock? CoverImage(PerspectiveMetadata metadata, RenderContext context)
    {
        if (metadata.Cover?.Path is not { Length: > 0 } path)
            return null;
        var image = LoadImage(path, 1, context);
        if (image is null)
            return null;
        // Below the navy band and above the institute's mark: about 270 pt of the page are free.
        return new ImageBlock(image, metadata.Cover.Alt ?? "", style.CoverPage.ContentWidth, 250);
    }

    private static ImageSource? LoadImage(string path, int line, RenderContext context)
    {
        var bytes = context.Assets.TryRead(path);
        var size = bytes is null ? null : ImageProbe.PixelSize(bytes);
        // Read in full again, as the check did: a file changed since then is this error, never a failing PDF writer.
        if (bytes is null || size is not { Width: > 0, Height: > 0 } || !ImageFileCheck.IsPrintable(bytes, ImageProbe.MaxPixels))
        {
            context.Report(RenderDiagnosticCatalog.UnreadableImage, line, path);
            return null;
        }
        return new ImageSource(path, bytes, size.Value.Width, size.Value.Height);
    }

    private static ParagraphBlock Paragraph(IReadOnlyList<InlineItem> inlines, ParagraphStyle paragraphStyle, StructureTag tag = StructureTag.P) =>
        new(inlines, paragraphStyle, tag);
}
