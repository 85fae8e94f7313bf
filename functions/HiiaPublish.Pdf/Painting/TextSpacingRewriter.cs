using System.Globalization;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace HiiaPublish.Pdf.Painting;

/// <summary>
/// PDFsharp draws a string only at the font's own advances, so a justified line used to cost one
/// DrawString per word (most of the painting time). The painter now draws the words of a line as one
/// string and records here how far each word must move from where the advances leave it. When the page is
/// closed, the string's <c>&lt;glyphs&gt; Tj</c> in the content stream becomes
/// <c>[&lt;glyphs&gt; -n &lt;glyphs&gt;] TJ</c>: the same glyphs at the same positions, PDF 32000 9.4.3.
/// </summary>
internal sealed class TextSpacingRewriter
{
    // One entry per DrawString on the page, in drawing order; null when the string needs no adjustment.
    private readonly List<GlyphAdjustment[]?> _strings = [];
    private bool _anyAdjusted;

    /// <summary>A horizontal move of <see cref="Thousandths"/> of an em (TJ's unit) before glyph <see cref="GlyphIndex"/>.</summary>
    public readonly record struct GlyphAdjustment(int GlyphIndex, double Thousandths);

    public void RecordPlain() => _strings.Add(null);

    public void RecordAdjusted(GlyphAdjustment[] adjustments)
    {
        _strings.Add(adjustments.Length == 0 ? null : adjustments);
        _anyAdjusted |= adjustments.Length > 0;
    }

    /// <summary>Rewrites the content stream PDFsharp wrote for <paramref name="page"/> (its graphics disposed).</summary>
    public void ApplyTo(PdfPage page)
    {
        if (!_anyAdjusted)
            return;
        var elements = page.Contents.Elements;
        var content = elements.GetDictionary(elements.Count - 1) as PdfContent
            ?? throw new InvalidOperationException("PDFsharp left no content stream on the page.");
        content.Stream.Value = Rewrite(content.Stream.Value);
    }

    private byte[] Rewrite(byte[] stream)
    {
        // PDFsharp writes each string as "<hex glyph ids> Tj\n" (4 hex digits per glyph, Identity-H). The
        // content stream holds no other strings (alternate texts and languages live in the structure tree),
        // so the k-th "> Tj\n" is the k-th string drawn; the counts are checked to agree.
        ReadOnlySpan<byte> marker = "> Tj\n"u8;
        using var output = new MemoryStream(stream.Length + _strings.Count * 16);
        var copiedUpTo = 0;
        var index = 0;
        for (var at = stream.AsSpan().IndexOf(marker); at >= 0; at = Next(stream, marker, at))
        {
            if (index >= _strings.Count)
                throw Mismatch(index + 1);
            var adjustments = _strings[index++];
            if (adjustments is null)
                continue;
            var open = stream.AsSpan(0, at).LastIndexOf((byte)'<');
            output.Write(stream, copiedUpTo, open - copiedUpTo);
            WriteArray(output, stream.AsSpan(open + 1, at - open - 1), adjustments);
            copiedUpTo = at + marker.Length;
        }
        if (index != _strings.Count)
            throw Mismatch(index);
        output.Write(stream, copiedUpTo, stream.Length - copiedUpTo);
        return output.ToArray();
    }

    private static int Next(byte[] stream, ReadOnlySpan<byte> marker, int at)
    {
        var from = at + marker.Length;
        var next = stream.AsSpan(from).IndexOf(marker);
        return next < 0 ? -1 : from + next;
    }

    private static void WriteArray(MemoryStream output, ReadOnlySpan<byte> hex, GlyphAdjustment[] adjustments)
    {
        // PDFsharp breaks long hex strings into lines (PDF asks for lines under 256 characters); the line
        // breaks are kept, and only hex digits count towards the glyph position.
        const int digitsPerGlyph = 4;
        output.Write("[<"u8);
        var digits = 0;
        var next = 0;
        foreach (var b in hex)
        {
            if (IsHexDigit(b))
            {
                if (next < adjustments.Length && digits == adjustments[next].GlyphIndex * digitsPerGlyph)
                    WriteAdjustment(output, adjustments[next++]);
                digits++;
            }
            output.WriteByte(b);
        }
        if (next < adjustments.Length || digits % digitsPerGlyph != 0)
            throw new InvalidOperationException(
                $"A text string of {digits / (double)digitsPerGlyph} glyphs has no place for its adjustment at glyph {adjustments[^1].GlyphIndex}.");
        output.Write(">] TJ\n"u8);
    }

    private static void WriteAdjustment(MemoryStream output, GlyphAdjustment adjustment)
    {
        // TJ subtracts its numbers from the pen position: a move to the right is written negative.
        output.Write("> "u8);
        output.Write(Encoding.ASCII.GetBytes((-adjustment.Thousandths).ToString("0.###", CultureInfo.InvariantCulture)));
        output.Write(" <"u8);
    }

    private static bool IsHexDigit(byte b) => char.IsAsciiHexDigit((char)b);

    private InvalidOperationException Mismatch(int found) => new(
        $"PDFsharp wrote {found} or more text strings on a page where {_strings.Count} were drawn; the text spacing cannot be placed.");
}
