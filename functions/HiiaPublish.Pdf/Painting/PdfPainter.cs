using System.Globalization;
using HiiaPublish.Pdf.Fonts;
using HiiaPublish.Typesetting.Model;
using HiiaPublish.Typesetting.Output;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.UniversalAccessibility;

namespace HiiaPublish.Pdf.Painting;

/// <summary>
/// Draws laid-out pages with PDFsharp and nothing more: every position was decided by the typesetter.
/// Adds what a reader's software needs: tags, language, outline, clickable links, metadata, PDF/A-2u and PDF/UA-1.
/// </summary>
public sealed class PdfPainter : IPagePainter
{
    private readonly ImageStreamCache _images = new();
    private readonly TrueTypeFontMetrics _metrics;

    public PdfPainter(FontCatalog fonts)
    {
        BundledFontResolver.InstallOnce(fonts);
        _metrics = new TrueTypeFontMetrics(fonts);
    }

    public byte[] Paint(LaidOutDocument layout, PdfMetadata metadata, CancellationToken cancellationToken = default)
    {
        using var document = new PdfDocument();
        DocumentProperties.Apply(document, metadata);
        var tagger = new StructureTagger(UAManager.ForDocument(document).StructureBuilder);
        UAManager.ForDocument(document).SetDocumentLanguage(metadata.Language);

        var anchors = layout.Pages
            .SelectMany(p => p.Anchors.Select(a => (a.Id, Page: p.Number, a.X, a.Y)))
            .GroupBy(a => a.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var resources = new PaintResources();

        foreach (var laidOut in layout.Pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(laidOut.Width);
            page.Height = XUnit.FromPoint(laidOut.Height);
            var spacing = new TextSpacingRewriter();
            using (var gfx = XGraphics.FromPdfPage(page))
            {
                var painter = new PageElementPainter(gfx, page, tagger, resources, spacing, _metrics, _images, anchors, metadata.Language);
                painter.DrawAll(laidOut.Elements);
                tagger.EndPage();
            }
            spacing.ApplyTo(page);
        }
        tagger.CloseAll();
        tagger.WriteIdTree(document, UAManager.ForDocument(document).StructureTreeRoot);
        resources.FillImages(document);

        OutlineWriter.Write(document, layout.Outline);
        var fingerprint = DeterministicIdentity.Fingerprint(layout, metadata);
        DeterministicIdentity.Apply(document, DocumentProperties.InstantOf(metadata), fingerprint);

        var stream = SaveBuffer();
        // Our XMP packet replaces PDFsharp's once Save has prepared the document (see XmpPacket.Replace).
        using (var saving = new BeforeFirstWriteStream(stream, () => XmpPacket.Replace(document, metadata, fingerprint)))
            document.Save(saving, closeStream: false);
        var bytes = stream.ToArray();
        DeterministicIdentity.FixXmpIds(bytes, fingerprint);
        return ObjectStreamPacker.Pack(bytes);
    }

    // A paper's PDF is a few hundred KB, so a fresh MemoryStream grows through buffers on the large object heap, and
    // every few renders those forced a full collection that stopped the other render on the machine. Each thread
    // keeps its buffer instead; only the PDF itself is newly allocated. A buffer grown by a huge paper is let go.
    [ThreadStatic] private static MemoryStream? t_saveBuffer;
    private const int LargestKeptSaveBuffer = 8 << 20;

    private static MemoryStream SaveBuffer()
    {
        if (t_saveBuffer is not { Capacity: <= LargestKeptSaveBuffer })
            t_saveBuffer = new MemoryStream(1 << 20);
        t_saveBuffer.SetLength(0);
        return t_saveBuffer;
    }
}

/// <summary>The painter behind which the drawing library sits, so another backend could replace PDFsharp.</summary>
public interface IPagePainter
{
    byte[] Paint(LaidOutDocument layout, PdfMetadata metadata, CancellationToken cancellationToken = default);
}
