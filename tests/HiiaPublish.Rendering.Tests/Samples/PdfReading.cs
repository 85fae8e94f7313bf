using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
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

    /// <summary>
    /// The file's bytes as text, followed by the objects of each compressed object stream, inflated: since the
    /// painter packs small objects into object streams, that is where most dictionaries are, as a reader finds them.
    /// </summary>
    public static string Raw(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var raw = new StringBuilder(text);
        foreach (Match stream in ObjectStream.Matches(text))
        {
            using var inflate = new ZLibStream(new MemoryStream(pdf, stream.Index + stream.Length, int.Parse(stream.Groups["length"].Value)), CompressionMode.Decompress);
            using var objects = new MemoryStream();
            inflate.CopyTo(objects);
            raw.Append('\n').Append(Encoding.Latin1.GetString(objects.ToArray()));
        }
        return raw.ToString();
    }

    private static readonly Regex ObjectStream = new(@"<</Type/ObjStm[^>]*/Length (?<length>\d+)>>\nstream\n");

    public static IEnumerable<int> Numbers(IEnumerable<Word> words) =>
        words.Select(w => int.TryParse(w.Text, out var n) ? n : -1).Where(n => n > 0);
}
