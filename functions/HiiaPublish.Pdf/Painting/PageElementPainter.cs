using HiiaPublish.Pdf.Fonts;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;

namespace HiiaPublish.Pdf.Painting;

/// <summary>Draws the elements of one page, in order, each inside its structure element or as an artifact.</summary>
internal sealed partial class PageElementPainter(
    XGraphics gfx,
    PdfPage page,
    StructureTagger tagger,
    PaintResources resources,
    TextSpacingRewriter spacing,
    TrueTypeFontMetrics metrics,
    ImageStreamCache images,
    IReadOnlyDictionary<string, (string Id, int Page, double X, double Y)> anchors,
    string language)
{
    /// <summary>
    /// One link can span lines (a long URL wrapped). Its pieces on a page become one annotation whose
    /// QuadPoints cover each piece, so a reader's software sees one link per URL, not one per line.
    /// </summary>
    public void DrawAll(IReadOnlyList<PageElement> elements)
    {
        var groups = elements.OfType<LinkElement>()
            .GroupBy(l => (l.Target, l.Structure.ElementId))
            .ToDictionary(g => g.First(), g => g.Select(l => l.Area).ToList());
        for (var i = 0; i < elements.Count; i++)
        {
            switch (elements[i])
            {
                case LinkElement link:
                    if (groups.TryGetValue(link, out var areas))
                        AddLink(link, areas);
                    break;
                case TextElement text:
                    var end = EndOfTextRun(elements, i);
                    var textIsArtifact = Begin(text.Structure, default);
                    DrawTextRun(elements, i, end);
                    End(textIsArtifact);
                    i = end - 1;
                    break;
                case var element:
                    var isArtifact = Begin(element.Structure, Bounds(element));
                    DrawContent(element);
                    End(isArtifact);
                    break;
            }
        }
    }

    /// <summary>Opens the structure element the drawing belongs to, or an artifact; true for an artifact.</summary>
    private bool Begin(StructureRef structure, XRect bounds)
    {
        if (structure.Tag == StructureTag.Artifact)
        {
            tagger.BeginArtifact();
            return true;
        }
        tagger.Enter(structure, bounds);
        return false;
    }

    private void End(bool artifact)
    {
        if (artifact)
            tagger.EndArtifact();
    }

    private void DrawContent(PageElement element)
    {
        switch (element)
        {
            case RuleElement rule:
                gfx.DrawLine(resources.PenFor(rule.Color, rule.Thickness), rule.X1, rule.Y1, rule.X2, rule.Y2);
                break;
            case FilledRectElement rect:
                gfx.DrawRectangle(resources.BrushFor(rect.Fill), rect.Area.X, rect.Area.Y, rect.Area.Width, rect.Area.Height);
                break;
            case ImageElement image:
                DrawImage(image);
                break;
        }
    }

    private void DrawImage(ImageElement image)
    {
        // The placed size in points: a picture with more pixels than it shows there at 300 ppi is made smaller.
        var encoded = images.Get(image.Image.Data, image.Area.Width, image.Area.Height);
        if (encoded.Decoded is { } picture)
        {
            // One decoded image may be drawn by two renders at once; PDFsharp reads it lazily, so one at a time.
            lock (picture)
                gfx.DrawImage(picture, image.Area.X, image.Area.Y, image.Area.Width, image.Area.Height);
            return;
        }
        gfx.DrawImage(resources.PlaceholderFor(encoded), image.Area.X, image.Area.Y, image.Area.Width, image.Area.Height);
    }

    private void AddLink(LinkElement link, List<Rect> areas)
    {
        // Annotations use PDF user space: origin at the bottom-left, y upward.
        var height = page.Height.Point;
        var left = areas.Min(a => a.X);
        var right = areas.Max(a => a.Right);
        var top = areas.Min(a => a.Y);
        var bottom = areas.Max(a => a.Bottom);
        var rect = new PdfRectangle(new XPoint(left, height - bottom), new XPoint(right, height - top));
        PdfLinkAnnotation? annotation = link.Target switch
        {
            ExternalLink external => PdfLinkAnnotation.CreateWebLink(rect, external.Uri),
            InternalLink internalLink when anchors.TryGetValue(internalLink.AnchorId, out var anchor) =>
                PdfLinkAnnotation.CreateDocumentLink(rect, anchor.Page, new XPoint(anchor.X, height - anchor.Y)),
            _ => null,
        };
        if (annotation is null)
            return;
        if (areas.Count > 1)
        {
            var quads = new PdfArray(page.Owner);
            foreach (var a in areas)
                foreach (var v in new[] { a.X, height - a.Y, a.Right, height - a.Y, a.X, height - a.Bottom, a.Right, height - a.Bottom })
                    quads.Elements.Add(new PdfReal(v));
            annotation.Elements.SetObject("/QuadPoints", quads);
        }
        // Link annotations have no border in print; the text's colour shows it is a link.
        annotation.Elements.SetObject("/Border", new PdfArray(page.Owner, new PdfInteger(0), new PdfInteger(0), new PdfInteger(0)));
        // PDF/A: an annotation is printed as it is shown (the Print flag), never hidden or shown only on screen.
        annotation.Flags = PdfAnnotationFlags.Print;
        tagger.EnterLink(link.Structure, annotation, Describe(link.Target, language));
    }

    /// <summary>
    /// What a link says where it goes (its /Contents, PDF/UA 7.18.5): the typesetter's words when it has them
    /// ("Note 3"), for a web link the site it opens ("Link to www.brookings.edu"), not the whole URL read aloud.
    /// </summary>
    internal static string Describe(LinkTarget target, string language)
    {
        if (target.Description is { Length: > 0 } description)
            return description;
        var hungarian = language.StartsWith("hu", StringComparison.OrdinalIgnoreCase);
        if (target is ExternalLink external)
        {
            var where = Uri.TryCreate(external.Uri, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : external.Uri;
            return hungarian ? "Hivatkozás: " + where : "Link to " + where;
        }
        return hungarian ? "Hivatkozás a dokumentumon belül" : "Link within the document";
    }

    private static XRect Bounds(PageElement element) => element switch
    {
        ImageElement image => new XRect(image.Area.X, image.Area.Y, image.Area.Width, image.Area.Height),
        _ => new XRect(),
    };
}
