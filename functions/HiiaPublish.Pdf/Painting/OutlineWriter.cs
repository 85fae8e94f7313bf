using HiiaPublish.Typesetting.Output;
using PdfSharp.Pdf;

namespace HiiaPublish.Pdf.Painting;

/// <summary>Bookmarks for the numbered sections, nested by level, each opening its page.</summary>
internal static class OutlineWriter
{
    public static void Write(PdfDocument document, IReadOnlyList<OutlineEntry> entries)
    {
        var parents = new List<(int Level, PdfOutline Outline)>();
        foreach (var entry in entries)
        {
            while (parents.Count > 0 && parents[^1].Level >= entry.Level)
                parents.RemoveAt(parents.Count - 1);
            var collection = parents.Count == 0 ? document.Outlines : parents[^1].Outline.Outlines;
            var page = document.Pages[Math.Clamp(entry.PageNumber - 1, 0, document.PageCount - 1)];
            var outline = collection.Add(entry.Title, page, opened: true);
            parents.Add((entry.Level, outline));
        }
    }
}
