using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace HiiaPublish.Rendering.Tests.Samples;

/// <summary>What a reader's software sees in a PDF: words by size and position, and the raw dictionaries.</summary>
internal static class PdfReading
{
    // Sizes of the house style (Core/Rendering/HouseStyle): 10.5 body, 12 section headings, 8 notes,
    // marks at 60 % of their text, 8.5 page numbers. A little tolerance for rounding in the content stream.
    public const double Body = 10.5, HeadingSize = 12, Note = 8, BodyMark = 6.3, NoteLabel = 4.8, PageNumber = 8.5;

    public static bool IsSize(Word word, double size) => word.Letters.All(l => Math.Abs(l.PointSize - size) < 0.05);

    public static string Text(Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    public static string Raw(byte[] pdf) => Encoding.Latin1.GetString(pdf);

    public static IEnumerable<int> Numbers(IEnumerable<Word> words) =>
        words.Select(w => int.TryParse(w.Text, out var n) ? n : -1).Where(n => n > 0);
}
