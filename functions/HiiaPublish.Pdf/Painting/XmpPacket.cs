using System.Globalization;
using System.Security;
using System.Text;
using PdfSharp.Pdf;

namespace HiiaPublish.Pdf.Painting;

/// <summary>
/// The document's XMP metadata, written by us rather than PDFsharp. PDFsharp 6.2's packet always says
/// <c>pdfaid:part 1</c> / conformance A (a claim this writer cannot keep: PDF/A-1 forbids the object streams the
/// size work wants, and needs a /CIDSet for every CID subset), says nothing of PDF/UA, and splices the title and
/// authors into the XML unescaped. This packet declares what the file meets: PDF/A-2 level U (ISO 19005-2: every
/// glyph maps to Unicode) and PDF/UA-1 (ISO 14289-1), with the extension schema PDF/A asks for the pdfuaid
/// namespace it does not predefine. Its fields repeat the document information dictionary exactly, as PDF/A requires.
/// </summary>
internal static class XmpPacket
{
    /// <summary>The PDF/A part and conformance level this writer declares (and the tests read back).</summary>
    public const int PdfAPart = 2;
    public const string PdfAConformance = "U";
    public const int PdfUAPart = 1;

    public static byte[] Build(PdfDocumentInformation info, PdfMetadata metadata, byte[] contentFingerprint)
    {
        var date = DocumentProperties.InstantOf(metadata).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        // Same ids the trailer's /ID is made of: the packet names this content, not this run (DeterministicIdentity).
        var documentId = DeterministicIdentity.UuidFrom(contentFingerprint, 0);
        var instanceId = DeterministicIdentity.UuidFrom(contentFingerprint, 16);
        var x = new StringBuilder(4096);
        // The packet header's begin attribute is the byte order mark, written as UTF-8 (XMP Part 1, 7.3.2).
        x.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        x.Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
        x.Append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");

        x.Append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
        x.Append("<dc:format>application/pdf</dc:format>\n");
        x.Append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(Escape(info.Title)).Append("</rdf:li></rdf:Alt></dc:title>\n");
        // One entry holding the Info /Author string: PDF/A compares the two as equal, not as a split list.
        x.Append("<dc:creator><rdf:Seq><rdf:li>").Append(Escape(info.Author)).Append("</rdf:li></rdf:Seq></dc:creator>\n");
        x.Append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(Escape(info.Subject)).Append("</rdf:li></rdf:Alt></dc:description>\n");
        x.Append("<dc:language><rdf:Bag><rdf:li>").Append(Escape(metadata.Language)).Append("</rdf:li></rdf:Bag></dc:language>\n");
        // Series, number, ISSN and DOI: the same values the web page's citation gives (dc: is predefined by PDF/A,
        // so no extension schema is needed; identifier is Text, publisher and relation are bags).
        if (metadata.Publisher is { Length: > 0 } publisher)
            x.Append("<dc:publisher><rdf:Bag><rdf:li>").Append(Escape(publisher)).Append("</rdf:li></rdf:Bag></dc:publisher>\n");
        if (metadata.Identifier is { Length: > 0 } identifier)
            x.Append("<dc:identifier>").Append(Escape(identifier)).Append("</dc:identifier>\n");
        if (metadata.Relations.Count > 0)
        {
            x.Append("<dc:relation><rdf:Bag>");
            foreach (var relation in metadata.Relations) x.Append("<rdf:li>").Append(Escape(relation)).Append("</rdf:li>");
            x.Append("</rdf:Bag></dc:relation>\n");
        }
        x.Append("</rdf:Description>\n");

        x.Append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
        x.Append("<pdf:Producer>").Append(Escape(info.Producer)).Append("</pdf:Producer>\n");
        x.Append("<pdf:Keywords>").Append(Escape(info.Keywords)).Append("</pdf:Keywords>\n");
        x.Append("</rdf:Description>\n");

        x.Append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
        x.Append("<xmp:CreatorTool>").Append(Escape(info.Creator)).Append("</xmp:CreatorTool>\n");
        x.Append("<xmp:CreateDate>").Append(date).Append("</xmp:CreateDate>\n");
        x.Append("<xmp:ModifyDate>").Append(date).Append("</xmp:ModifyDate>\n");
        x.Append("<xmp:MetadataDate>").Append(date).Append("</xmp:MetadataDate>\n");
        x.Append("</rdf:Description>\n");

        x.Append("<rdf:Description rdf:about=\"\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n");
        x.Append("<xmpMM:DocumentID>uuid:").Append(documentId).Append("</xmpMM:DocumentID>\n");
        x.Append("<xmpMM:InstanceID>uuid:").Append(instanceId).Append("</xmpMM:InstanceID>\n");
        x.Append("</rdf:Description>\n");

        x.Append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
        x.Append("<pdfaid:part>").Append(PdfAPart.ToString(CultureInfo.InvariantCulture)).Append("</pdfaid:part>\n");
        x.Append("<pdfaid:conformance>").Append(PdfAConformance).Append("</pdfaid:conformance>\n");
        x.Append("</rdf:Description>\n");

        x.Append("<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n");
        x.Append("<pdfuaid:part>").Append(PdfUAPart.ToString(CultureInfo.InvariantCulture)).Append("</pdfuaid:part>\n");
        x.Append("</rdf:Description>\n");

        // ISO 19005-2 6.6.2.3.2: a property outside the schemas PDF/A predefines needs its schema described here.
        x.Append("<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"");
        x.Append(" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n");
        x.Append("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n");
        x.Append("<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n");
        x.Append("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n");
        x.Append("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n");
        x.Append("<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n");
        x.Append("<pdfaProperty:name>part</pdfaProperty:name>\n");
        x.Append("<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n");
        x.Append("<pdfaProperty:category>internal</pdfaProperty:category>\n");
        x.Append("<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n");
        x.Append("</rdf:li></rdf:Seq></pdfaSchema:property>\n");
        x.Append("</rdf:li></rdf:Bag></pdfaExtension:schemas>\n");
        x.Append("</rdf:Description>\n");

        x.Append("</rdf:RDF>\n");
        x.Append("</x:xmpmeta>\n");
        x.Append("<?xpacket end=\"r\"?>");
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(x.ToString());
    }

    /// <summary>
    /// Puts this packet in place of the one PDFsharp made. PDFsharp creates its packet while saving, after the last
    /// moment our code runs before <c>Save</c>, so this runs from <see cref="BeforeFirstWriteStream"/>: once the
    /// document is prepared for saving and before its first byte is written.
    /// </summary>
    public static void Replace(PdfDocument document, PdfMetadata metadata, byte[] contentFingerprint)
    {
        var stream = document.Internals.Catalog.Elements.GetDictionary("/Metadata")
            ?? throw new InvalidOperationException("PDFsharp wrote no XMP metadata stream to replace.");
        var packet = Build(document.Info, metadata, contentFingerprint);
        stream.Stream.Value = packet;
        stream.Elements.SetInteger("/Length", packet.Length);
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}

/// <summary>Passes every write through to <paramref name="inner"/>, running an action once just before the first.</summary>
internal sealed class BeforeFirstWriteStream(Stream inner, Action beforeFirstWrite) : Stream
{
    private Action? _pending = beforeFirstWrite;

    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => inner.CanWrite;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => inner.Position = value; }
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void SetLength(long value) => inner.SetLength(value);

    public override void Write(byte[] buffer, int offset, int count)
    {
        RunPending();
        inner.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        RunPending();
        inner.Write(buffer);
    }

    public override void WriteByte(byte value)
    {
        RunPending();
        inner.WriteByte(value);
    }

    private void RunPending()
    {
        var action = _pending;
        _pending = null;
        action?.Invoke();
    }
}
