using System.Buffers;
using System.Text;
using System.Text.Unicode;
using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;

namespace HiiaPublish.Format.Reading;

/// <summary>
/// Turns the uploaded bytes into text, refusing what is too large or not UTF-8 before any parser sees it.
/// </summary>
internal static class DraftDecoder
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>The text without its byte-order mark, or null (with a diagnostic) when the bytes are refused.</summary>
    public static string? Decode(byte[] content, long maxBytes, DiagnosticBag diagnostics)
    {
        // Checked first, so a huge upload costs nothing more than its length.
        if (content.LongLength > maxBytes)
        {
            diagnostics.Report(DiagnosticCatalog.FileTooLarge, SourcePosition.Start, content.LongLength, maxBytes);
            return null;
        }

        var bytes = content.AsSpan();
        if (bytes.StartsWith(ByteOrderMark)) bytes = bytes[ByteOrderMark.Length..];

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status == OperationStatus.Done) return new string(chars, 0, charsWritten);

        // The valid prefix tells where the first bad byte sits, so the editor can find it.
        var prefix = new SourceText(new string(chars, 0, charsWritten));
        var badByte = bytesRead < bytes.Length ? bytes[bytesRead] : bytes[^1];
        diagnostics.Report(DiagnosticCatalog.InvalidUtf8, prefix.PositionOf(prefix.Text.Length), badByte);
        return null;
    }
}
