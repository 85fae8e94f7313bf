using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using HiiaPublish.Typesetting.Output;
using PdfSharp.Pdf;

namespace HiiaPublish.Pdf.Painting;

/// <summary>
/// PDFsharp names font subsets and annotations with random GUIDs. Re-deriving those names from the content
/// makes the same source give byte-identical PDFs (reproducible builds, idempotent publishing).
/// </summary>
internal static class DeterministicIdentity
{
    public static void Apply(PdfDocument document, DateTime instant, byte[] contentFingerprint)
    {
        // The trailer /ID (and the XMP ids PDFsharp derives from it) names this content, not this run.
        var id = new string(contentFingerprint.AsSpan(0, 16).ToArray().Select(b => (char)b).ToArray());
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;

        var annotationIndex = 0;
        foreach (var item in document.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary dictionary)
                continue;
            RetagSubsetName(dictionary, "/BaseFont");
            RetagSubsetName(dictionary, "/FontName");
            if (dictionary.Elements.GetName("/Type") == "/Annot")
            {
                dictionary.Elements.SetString("/NM", "hiia-annotation-" + annotationIndex++);
                dictionary.Elements.SetDateTime("/M", instant);
            }
        }
    }

    /// <summary>
    /// PDFsharp writes fresh random UUIDs into the XMP packet while saving. The packet is stored uncompressed
    /// (PDF/A requires it readable), so each UUID is overwritten in place by one of the same length derived
    /// from the content: no byte moves, the cross-reference offsets stay exact.
    /// </summary>
    public static void FixXmpIds(byte[] pdf, byte[] contentFingerprint)
    {
        ReplaceUuidAfter(pdf, "<xmpMM:DocumentID>uuid:"u8, UuidFrom(contentFingerprint, 0));
        ReplaceUuidAfter(pdf, "<xmpMM:InstanceID>uuid:"u8, UuidFrom(contentFingerprint, 16));
    }

    private static void ReplaceUuidAfter(byte[] pdf, ReadOnlySpan<byte> marker, string uuid)
    {
        var at = pdf.AsSpan().IndexOf(marker);
        if (at < 0)
            return;
        var start = at + marker.Length;
        var replacement = Encoding.ASCII.GetBytes(uuid);
        if (start + replacement.Length <= pdf.Length && pdf[start + replacement.Length] == (byte)'<')
            replacement.CopyTo(pdf, start);
    }

    internal static string UuidFrom(byte[] fingerprint, int offset) =>
        new Guid(fingerprint.AsSpan(offset, 16)).ToString("D");

    /// <summary>A hash of what the pages show and what the document says about itself.</summary>
    public static byte[] Fingerprint(LaidOutDocument layout, PdfMetadata metadata)
    {
        // Gathered into one buffer and hashed once: a paper has thousands of text pieces, and formatting
        // each position as text or hashing piece by piece cost more than the hash itself.
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        void Add(string s)
        {
            Encoding.UTF8.GetBytes(s, buffer);
            buffer.Write("\u0001"u8);
        }
        void AddNumber(double value)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(buffer.GetSpan(sizeof(double)), value);
            buffer.Advance(sizeof(double));
        }
        Add(metadata.Title); Add(metadata.Subject); Add(metadata.Language); Add(metadata.Creator);
        Add(metadata.Date.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Add(string.Join("\u0002", metadata.Authors)); Add(string.Join("\u0002", metadata.Keywords));
        foreach (var page in layout.Pages)
        {
            AddNumber(page.Number);
            foreach (var element in page.Elements)
            {
                if (element is TextElement text)
                {
                    Add(text.Text);
                    AddNumber(text.X);
                    AddNumber(text.Baseline);
                    AddNumber((double)text.End);
                }
                else
                    Add(element.GetType().Name);
            }
        }
        return SHA256.HashData(buffer.WrittenSpan);
    }

    // "ABCDEF+Noto Serif" → the same 6 capitals for the same face every time (PDF 32000 9.6.4: any six capitals).
    private static void RetagSubsetName(PdfDictionary dictionary, string key)
    {
        var name = dictionary.Elements.GetName(key);
        if (name.Length < 9 || name[7] != '+')
            return;
        var face = name[8..];
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(face));
        var tag = new StringBuilder(6);
        for (var i = 0; i < 6; i++)
            tag.Append((char)('A' + hash[i] % 26));
        dictionary.Elements.SetName(key, "/" + tag + "+" + face);
    }
}
