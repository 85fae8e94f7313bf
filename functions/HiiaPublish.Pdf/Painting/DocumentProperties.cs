using PdfSharp.Pdf;

namespace HiiaPublish.Pdf.Painting;

/// <summary>Document info, viewer preferences and PDF/A mode, from the paper's own facts.</summary>
internal static class DocumentProperties
{
    public static void Apply(PdfDocument document, PdfMetadata metadata)
    {
        var info = document.Info;
        info.Title = metadata.Title;
        info.Author = string.Join(", ", metadata.Authors);
        info.Subject = metadata.Subject;
        info.Keywords = string.Join(", ", metadata.Keywords);
        info.Creator = metadata.Creator;

        var instant = InstantOf(metadata);
        info.CreationDate = instant;
        info.ModificationDate = instant;

        document.ViewerPreferences.DisplayDocTitle = true;
        document.PageLayout = PdfPageLayout.SinglePage;
        document.PageMode = PdfPageMode.UseOutlines;
        // PDFsharp's PDF/A mode: an sRGB output intent, MarkInfo, images without /Interpolate. What the file claims
        // to meet (PDF/A-2u, PDF/UA-1) is said by our own XMP packet (XmpPacket), not by PDFsharp's, which says PDF/A-1a.
        document.SetPdfA();
    }

    // The paper's date at noon UTC: a fixed instant, so identical input gives identical bytes.
    public static DateTime InstantOf(PdfMetadata metadata) => metadata.Date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
}
