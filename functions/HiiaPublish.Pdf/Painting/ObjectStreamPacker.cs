using System.Buffers.Text;
using System.Globalization;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Filters;

namespace HiiaPublish.Pdf.Painting;

/// <summary>
/// Rewrites the PDF that PDFsharp saved so that its small objects (structure elements, annotations, fonts'
/// dictionaries, the catalog, the outline) sit compressed in object streams and the cross-reference table is
/// a compressed cross-reference stream (PDF 32000-1 7.5.7 and 7.5.8). PDFsharp 6.2 reads both but writes
/// neither. A tagged paper has hundreds of such objects, written as plain text: packing them saves about a
/// quarter of a text-only paper. Every stream object (page contents, fonts, images, the XMP packet, which
/// PDF/A wants uncompressed and which must stay a top-level object) is copied byte for byte.
/// </summary>
/// <remarks>
/// PDF/A-1 forbids both features (ISO 19005-1 6.1.4, 6.1.6); PDF/A-2 allows them. A file whose XMP declares
/// PDF/A-1 is therefore returned unchanged. The input is what PDFsharp writes (one "n 0 obj … endobj" per
/// object, a classic xref table, no encryption); anything else is returned unchanged too. Deterministic: the
/// same input gives the same bytes (objects keep their numbers and order; compression is PDFsharp's own).
/// </remarks>
public static class ObjectStreamPacker
{
    // A viewer decompresses a whole object stream to reach one object in it; a few hundred keeps that cheap
    // while leaving the compressor enough text to find the repeats (/Type/StructElem/S/P/K…) in.
    private const int ObjectsPerStream = 400;

    public static byte[] Pack(byte[] pdf)
    {
        if (DeclaresPdfA1(pdf) || !TryReadXref(pdf, out var offsets, out var xrefAt, out var trailer))
            return pdf;
        if (trailer.Contains("/Encrypt", StringComparison.Ordinal))
            return pdf;

        // Object bodies, in the order PDFsharp wrote them (by offset).
        var order = Enumerable.Range(1, offsets.Length - 1).Where(n => offsets[n] > 0).OrderBy(n => offsets[n]).ToArray();
        var headerEnd = order.Length > 0 ? (int)offsets[order[0]] : xrefAt;
        var packed = new List<(int Number, int Start, int Length)>(order.Length);
        var streams = new List<(int Number, int Start, int Length)>();
        for (var i = 0; i < order.Length; i++)
        {
            var number = order[i];
            var start = (int)offsets[number];
            var end = i + 1 < order.Length ? (int)offsets[order[i + 1]] : xrefAt;
            if (!TryBody(pdf, number, start, end, out var bodyStart, out var bodyEnd, out var isStream))
                return pdf;
            if (isStream)
                streams.Add((number, start, end - start));
            else
                packed.Add((number, bodyStart, bodyEnd - bodyStart));
        }

        var output = new MemoryStream(pdf.Length);
        output.Write(pdf, 0, headerEnd);
        var size = offsets.Length;
        var entries = new (byte Type, long Field2, int Field3)[size + (packed.Count + ObjectsPerStream - 1) / ObjectsPerStream + 1];
        entries[0] = (0, 0, 65535);

        // Stream objects first, exactly as written.
        foreach (var (number, start, length) in streams)
        {
            entries[number] = (1, output.Position, 0);
            output.Write(pdf, start, length);
        }

        // Then the object streams.
        var nextNumber = size;
        for (var chunk = 0; chunk < packed.Count; chunk += ObjectsPerStream)
        {
            var members = packed.GetRange(chunk, Math.Min(ObjectsPerStream, packed.Count - chunk));
            var objectStream = nextNumber++;
            var index = new StringBuilder();
            var bodies = new MemoryStream();
            for (var k = 0; k < members.Count; k++)
            {
                var (number, start, length) = members[k];
                entries[number] = (2, objectStream, k);
                index.Append(CultureInfo.InvariantCulture, $"{number} {bodies.Length} ");
                bodies.Write(pdf, start, length);
                bodies.WriteByte((byte)'\n');
            }
            var first = Encoding.ASCII.GetBytes(index.ToString());
            var content = new byte[first.Length + bodies.Length];
            first.CopyTo(content, 0);
            bodies.GetBuffer().AsSpan(0, (int)bodies.Length).CopyTo(content.AsSpan(first.Length));
            var compressed = new FlateDecode().Encode(content, PdfFlateEncodeMode.Default);
            entries[objectStream] = (1, output.Position, 0);
            WriteAscii(output, $"{objectStream} 0 obj\n<</Type/ObjStm/N {members.Count}/First {first.Length}/Filter/FlateDecode/Length {compressed.Length}>>\nstream\n");
            output.Write(compressed);
            WriteAscii(output, "\nendstream\nendobj\n");
        }

        // Finally the cross-reference stream, which is also the trailer.
        var xrefNumber = nextNumber++;
        entries[xrefNumber] = (1, output.Position, 0);
        var rows = new byte[nextNumber * 7];
        for (var n = 0; n < nextNumber; n++)
        {
            var (type, field2, field3) = entries[n];
            var row = rows.AsSpan(n * 7, 7);
            row[0] = type;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(row[1..], (uint)field2);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(row[5..], (ushort)field3);
        }
        var xref = new FlateDecode().Encode(rows, PdfFlateEncodeMode.Default);
        var kept = System.Text.RegularExpressions.Regex.Replace(trailer, @"/Size\s+\d+", "");
        WriteAscii(output, $"{xrefNumber} 0 obj\n<</Type/XRef/Size {nextNumber}/W[1 4 2]{kept}/Filter/FlateDecode/Length {xref.Length}>>\nstream\n");
        output.Write(xref);
        WriteAscii(output, $"\nendstream\nendobj\nstartxref\n{entries[xrefNumber].Field2}\n%%EOF\n");
        return output.ToArray();
    }

    private static bool DeclaresPdfA1(byte[] pdf)
    {
        var at = pdf.AsSpan().IndexOf("<pdfaid:part>"u8);
        return at >= 0 && pdf.AsSpan(at + "<pdfaid:part>".Length).StartsWith("1<"u8);
    }

    // "startxref\n{offset}" → "xref\n0 {size}\n" and size entries of 20 bytes → "trailer\n<<…>>".
    private static bool TryReadXref(byte[] pdf, out long[] offsets, out int xrefAt, out string trailerEntries)
    {
        offsets = [];
        xrefAt = 0;
        trailerEntries = "";
        var tail = pdf.AsSpan(Math.Max(0, pdf.Length - 64));
        var startxref = tail.LastIndexOf("startxref"u8);
        if (startxref < 0)
            return false;
        var number = tail[(startxref + 9)..].TrimStart("\r\n "u8);
        if (!Utf8Parser.TryParse(number, out xrefAt, out _) || xrefAt <= 0 || xrefAt >= pdf.Length)
            return false;
        var at = xrefAt;
        if (!pdf.AsSpan(at).StartsWith("xref\n0 "u8))
            return false;
        at += 7;
        if (!Utf8Parser.TryParse(pdf.AsSpan(at), out int size, out var used) || size < 1)
            return false;
        at += used;
        while (at < pdf.Length && pdf[at] is (byte)'\n' or (byte)'\r' or (byte)' ')
            at++;
        offsets = new long[size];
        for (var n = 0; n < size; n++, at += 20)
        {
            if (at + 20 > pdf.Length || !Utf8Parser.TryParse(pdf.AsSpan(at, 10), out long offset, out _))
                return false;
            var inUse = pdf[at + 17] == (byte)'n';
            if (inUse && !pdf.AsSpan(at + 11, 5).SequenceEqual("00000"u8))
                return false; // only generation 0 objects go into object streams
            offsets[n] = inUse ? offset : 0;
        }
        if (!pdf.AsSpan(at).StartsWith("trailer"u8))
            return false;
        var open = pdf.AsSpan(at).IndexOf("<<"u8);
        var close = pdf.AsSpan(at).IndexOf(">>"u8);
        if (open < 0 || close < open)
            return false;
        // The trailer's entries (ID, Info, Root, Size) hold no nested dictionary, so its first ">>" closes it.
        trailerEntries = Encoding.ASCII.GetString(pdf, at + open + 2, close - open - 2);
        return true;
    }

    // "{number} 0 obj" + body + "endobj": the body without surrounding white space, and whether it is a stream.
    private static bool TryBody(byte[] pdf, int number, int start, int end, out int bodyStart, out int bodyEnd, out bool isStream)
    {
        bodyStart = bodyEnd = 0;
        isStream = false;
        var span = pdf.AsSpan(start, end - start);
        var header = Encoding.ASCII.GetBytes($"{number} 0 obj");
        if (!span.StartsWith(header))
            return false;
        var endobj = span.LastIndexOf("endobj"u8);
        if (endobj < 0)
            return false;
        var body = span[header.Length..endobj];
        var leading = body.Length - body.TrimStart("\r\n \t"u8).Length;
        body = body.Trim("\r\n \t"u8);
        isStream = body.EndsWith("endstream"u8) && body.Length > 9 && body[^10] is (byte)'\n' or (byte)'\r' or (byte)' ';
        bodyStart = start + header.Length + leading;
        bodyEnd = bodyStart + body.Length;
        return true;
    }

    private static void WriteAscii(MemoryStream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));
}
