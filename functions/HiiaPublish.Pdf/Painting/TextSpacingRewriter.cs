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
    // One entry per DrawString on the page, in drawing order; Adjustments null when the string needs no move,
    // LastGlyphText null when its last glyph reads as itself.
    private readonly List<(GlyphAdjustment[]? Adjustments, string? LastGlyphText)> _strings = [];
    private bool _anyRewrite;

    /// <summary>A horizontal move of <see cref="Thousandths"/> of an em (TJ's unit) before glyph <see cref="GlyphIndex"/>.</summary>
    public readonly record struct GlyphAdjustment(int GlyphIndex, double Thousandths);

    /// <summary>
    /// A string drawn at its font's advances. With <paramref name="lastGlyphText"/>, its last glyph is put in a marked
    /// span whose /ActualText is that text (PDF 32000 14.9.4): how the glyph reads, where that differs from how it looks.
    /// </summary>
    public void RecordPlain(string? lastGlyphText = null) => Record(null, lastGlyphText);

    public void RecordAdjusted(GlyphAdjustment[] adjustments, string? lastGlyphText = null) =>
        Record(adjustments.Length == 0 ? null : adjustments, lastGlyphText);

    private void Record(GlyphAdjustment[]? adjustments, string? lastGlyphText)
    {
        _strings.Add((adjustments, lastGlyphText));
        _anyRewrite |= adjustments is not null || lastGlyphText is not null;
    }

    /// <summary>Rewrites the content stream PDFsharp wrote for <paramref name="page"/> (its graphics disposed).</summary>
    public void ApplyTo(PdfPage page)
    {
        if (!_anyRewrite)
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
            var (adjustments, lastGlyphText) = _strings[index++];
            if (adjustments is null && lastGlyphText is null)
                continue;
            var open = stream.AsSpan(0, at).LastIndexOf((byte)'<');
            output.Write(stream, copiedUpTo, open - copiedUpTo);
            var hex = stream.AsSpan(open + 1, at - open - 1);
            if (lastGlyphText is null)
                WriteArray(output, hex, adjustments!);
            else
                WriteWithLastGlyphText(output, hex, adjustments ?? [], lastGlyphText);
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

    /// <summary>
    /// Writes the glyphs but the last as before (a TJ array, or nothing when there is one glyph), any move before the
    /// last glyph as a TJ of its own, then the last glyph inside <c>/Span &lt;&lt;/ActualText …&gt;&gt; BDC … EMC</c>.
    /// </summary>
    private static void WriteWithLastGlyphText(MemoryStream output, ReadOnlySpan<byte> hex, GlyphAdjustment[] adjustments, string text)
    {
        const int digitsPerGlyph = 4;
        var total = 0;
        foreach (var b in hex)
            if (IsHexDigit(b))
                total++;
        if (total < digitsPerGlyph || total % digitsPerGlyph != 0)
            throw new InvalidOperationException($"A text string of {total / (double)digitsPerGlyph} glyphs has no last glyph to give its text.");
        var lastIndex = total / digitsPerGlyph - 1;

        // Split the hex digits where the last glyph begins (line breaks PDFsharp put in stay with the head).
        var digits = 0;
        var split = 0;
        while (digits < lastIndex * digitsPerGlyph)
        {
            if (IsHexDigit(hex[split]))
                digits++;
            split++;
        }
        var head = hex[..split];
        var tail = new List<byte>(digitsPerGlyph);
        foreach (var b in hex[split..])
            if (IsHexDigit(b))
                tail.Add(b);

        var before = adjustments.Where(a => a.GlyphIndex < lastIndex).ToArray();
        if (lastIndex > 0)
            WriteArray(output, head, before);
        foreach (var move in adjustments.Where(a => a.GlyphIndex == lastIndex))
        {
            // TJ subtracts its numbers from the pen position: a move to the right is written negative.
            output.Write("["u8);
            output.Write(Encoding.ASCII.GetBytes((-move.Thousandths).ToString("0.###", CultureInfo.InvariantCulture)));
            output.Write("] TJ\n"u8);
        }
        output.Write("/Span <</ActualText <FEFF"u8);
        foreach (var unit in text)
            output.Write(Encoding.ASCII.GetBytes(((int)unit).ToString("X4", CultureInfo.InvariantCulture)));
        output.Write(">>> BDC\n<"u8);
        output.Write(tail.ToArray());
        output.Write("> Tj\nEMC\n"u8);
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
