using System.Buffers.Binary;
using System.Text;

namespace HiiaPublish.Testing;

/// <summary>
/// A small tagged PDF written object by object, so a test can break exactly one rule of the audit by editing one
/// object's text. <see cref="Clean"/> meets every check of PdfAuditor: a heading, a paragraph with a link, a list,
/// a table header cell, a note and a figure, all tagged; a Type0 font (Noto Sans, embedded whole, with a CIDSet and
/// a ToUnicode CMap); XMP declaring PDF/A-2a and PDF/UA-1; an output intent.
/// </summary>
public sealed class TestPdf
{
    private readonly SortedDictionary<int, string> _objects = [];
    private readonly Dictionary<int, byte[]> _streams = [];

    private TestPdf()
    {
    }

    /// <summary>The objects' text (dictionaries; for a stream, its dictionary without /Length).</summary>
    public IReadOnlyDictionary<int, string> Objects => _objects;

    public static TestPdf Clean()
    {
        var pdf = new TestPdf();
        var font = File.ReadAllBytes(Path.Combine(RepositoryPaths.Fonts, "NotoSans-Regular.ttf"));
        pdf._objects[1] = "<< /Type /Catalog /Pages 2 0 R /Lang (en-GB) /MarkInfo << /Marked true >> /StructTreeRoot 10 0 R " +
            "/ViewerPreferences << /DisplayDocTitle true >> /Metadata 5 0 R " +
            "/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /DestOutputProfile 6 0 R >>] >>";
        pdf._objects[2] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
        pdf._objects[3] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Resources << /Font << /F1 7 0 R >> >> " +
            "/Contents 4 0 R /Annots [20 0 R] /Tabs /S /StructParents 0 >>";
        pdf.Stream(4, "<< >>", Encoding.ASCII.GetBytes("""
            /H1 <</MCID 0>> BDC BT /F1 14 Tf 20 270 Td <0024> Tj ET EMC
            /P <</MCID 1>> BDC BT /F1 10 Tf 20 250 Td <0025> Tj ET EMC
            /Link <</MCID 2>> BDC BT /F1 10 Tf 40 250 Td <0026> Tj ET EMC
            /Lbl <</MCID 3>> BDC BT /F1 10 Tf 20 230 Td <0027> Tj ET EMC
            /LBody <</MCID 4>> BDC BT /F1 10 Tf 40 230 Td <0028> Tj ET EMC
            /TH <</MCID 5>> BDC BT /F1 10 Tf 20 210 Td <0029> Tj ET EMC
            /Note <</MCID 6>> BDC BT /F1 8 Tf 20 30 Td <002A> Tj ET EMC
            /Figure <</MCID 7>> BDC 20 100 50 50 re f EMC
            /Artifact BMC 20 20 m 280 20 l S EMC

            """));
        pdf.Stream(5, "<< /Type /Metadata /Subtype /XML >>", Encoding.UTF8.GetBytes("""
            <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
              <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
                    xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <pdfaid:part>2</pdfaid:part>
                  <pdfaid:conformance>A</pdfaid:conformance>
                  <pdfuaid:part>1</pdfuaid:part>
                  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">A test paper</rdf:li></rdf:Alt></dc:title>
                </rdf:Description>
              </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """));
        // The audit checks that an ICC profile is there, not what is in it.
        pdf.Stream(6, "<< /N 3 >>", new byte[128]);
        pdf._objects[7] = "<< /Type /Font /Subtype /Type0 /BaseFont /NotoSans-Regular /Encoding /Identity-H /DescendantFonts [8 0 R] /ToUnicode 9 0 R >>";
        pdf._objects[8] = "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSans-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> " +
            "/FontDescriptor 25 0 R /CIDToGIDMap /Identity /DW 600 >>";
        pdf.Stream(9, "<< >>", Encoding.ASCII.GetBytes("""
            /CIDInit /ProcSet findresource begin 12 dict begin begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            1 beginbfrange <0024> <002A> <0041> endbfrange
            endcmap CMapName currentdict /CMap defineresource pop end end
            """));
        pdf._objects[10] = "<< /Type /StructTreeRoot /K [11 0 R] /ParentTree 28 0 R /ParentTreeNextKey 2 >>";
        pdf._objects[11] = "<< /Type /StructElem /S /Document /P 10 0 R /K [12 0 R 13 0 R 15 0 R 19 0 R 23 0 R 24 0 R] >>";
        pdf._objects[12] = "<< /Type /StructElem /S /H1 /P 11 0 R /Pg 3 0 R /K 0 >>";
        pdf._objects[13] = "<< /Type /StructElem /S /P /P 11 0 R /Pg 3 0 R /K [1 14 0 R] >>";
        pdf._objects[14] = "<< /Type /StructElem /S /Link /P 13 0 R /Pg 3 0 R /K [2 << /Type /OBJR /Obj 20 0 R >>] >>";
        pdf._objects[15] = "<< /Type /StructElem /S /L /P 11 0 R /K [16 0 R] >>";
        pdf._objects[16] = "<< /Type /StructElem /S /LI /P 15 0 R /K [17 0 R 18 0 R] >>";
        pdf._objects[17] = "<< /Type /StructElem /S /Lbl /P 16 0 R /Pg 3 0 R /K 3 >>";
        pdf._objects[18] = "<< /Type /StructElem /S /LBody /P 16 0 R /Pg 3 0 R /K 4 >>";
        pdf._objects[19] = "<< /Type /StructElem /S /Table /P 11 0 R /K [21 0 R] >>";
        pdf._objects[20] = "<< /Type /Annot /Subtype /Link /Rect [40 245 60 262] /F 4 /Border [0 0 0] /Contents (Go to example.org) /StructParent 1 " +
            "/A << /S /URI /URI (https://example.org/) >> >>";
        pdf._objects[21] = "<< /Type /StructElem /S /TR /P 19 0 R /K [22 0 R] >>";
        pdf._objects[22] = "<< /Type /StructElem /S /TH /P 21 0 R /Pg 3 0 R /A << /O /Table /Scope /Column >> /K 5 >>";
        pdf._objects[23] = "<< /Type /StructElem /S /Note /P 11 0 R /Pg 3 0 R /ID (note-1) /K 6 >>";
        pdf._objects[24] = "<< /Type /StructElem /S /Figure /P 11 0 R /Pg 3 0 R /Alt (A grey square) /K 7 >>";
        pdf._objects[25] = "<< /Type /FontDescriptor /FontName /NotoSans-Regular /Flags 32 /FontBBox [-600 -300 2800 1100] /ItalicAngle 0 " +
            "/Ascent 1069 /Descent -293 /CapHeight 714 /StemV 80 /FontFile2 26 0 R /CIDSet 27 0 R >>";
        pdf.Stream(26, $"<< /Length1 {font.Length} >>", font);
        pdf.Stream(27, "<< >>", CidSetOfAll(font));
        pdf._objects[28] = "<< /Nums [0 [12 0 R 13 0 R 14 0 R 17 0 R 18 0 R 22 0 R 23 0 R 24 0 R] 1 14 0 R] >>";
        return pdf;
    }

    /// <summary>Replaces text in one object; throws when the text is not there, so a test cannot break nothing.</summary>
    public TestPdf Edit(int number, string from, string to)
    {
        if (_streams.TryGetValue(number, out var data) && !_objects[number].Contains(from, StringComparison.Ordinal))
        {
            var text = Encoding.Latin1.GetString(data);
            if (!text.Contains(from, StringComparison.Ordinal)) throw new ArgumentException($"Object {number} has no '{from}'.");
            _streams[number] = Encoding.Latin1.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
            return this;
        }
        if (!_objects[number].Contains(from, StringComparison.Ordinal)) throw new ArgumentException($"Object {number} has no '{from}'.");
        _objects[number] = _objects[number].Replace(from, to, StringComparison.Ordinal);
        return this;
    }

    public TestPdf Set(int number, string text)
    {
        _objects[number] = text;
        _streams.Remove(number);
        return this;
    }

    public TestPdf SetStream(int number, string dictionary, byte[] data)
    {
        Stream(number, dictionary, data);
        return this;
    }

    public byte[] Build()
    {
        var output = new MemoryStream();
        void Write(string text) => output.Write(Encoding.Latin1.GetBytes(text));
        Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var size = _objects.Keys.Max() + 1;
        var offsets = new long[size];
        foreach (var (number, text) in _objects)
        {
            offsets[number] = output.Position;
            Write($"{number} 0 obj\n");
            if (_streams.TryGetValue(number, out var data))
            {
                var dictionary = text.TrimEnd();
                Write(dictionary[..^2] + $" /Length {data.Length} >>\nstream\n");
                output.Write(data);
                Write("\nendstream");
            }
            else Write(text);
            Write("\nendobj\n");
        }
        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {size}\n0000000000 65535 f \n");
        for (var i = 1; i < size; i++)
            table.Append(offsets[i] > 0 ? $"{offsets[i]:D10} 00000 n \n" : "0000000000 65535 f \n");
        Write(table.ToString());
        Write($"trailer\n<< /Size {size} /Root 1 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    private void Stream(int number, string dictionary, byte[] data)
    {
        _objects[number] = dictionary;
        _streams[number] = data;
    }

    /// <summary>A CIDSet with a bit for every glyph of a TrueType font (its maxp glyph count).</summary>
    private static byte[] CidSetOfAll(byte[] font)
    {
        var tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < tables; i++)
        {
            var entry = font.AsSpan(12 + 16 * i, 16);
            if (Encoding.ASCII.GetString(entry[..4]) != "maxp") continue;
            var glyphs = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan((int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]) + 4));
            var bits = new byte[(glyphs + 7) / 8];
            for (var gid = 0; gid < glyphs; gid++) bits[gid / 8] |= (byte)(0x80 >> (gid % 8));
            return bits;
        }
        throw new InvalidDataException("The font has no maxp table.");
    }
}
