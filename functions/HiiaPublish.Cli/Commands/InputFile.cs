using HiiaPublish.Format;

namespace HiiaPublish.Cli.Commands;

/// <summary>
/// Reads a file named on the command line (a draft, a PDF to audit) as the draft's own pictures are read: only a
/// plain file, and never more than the command could use. A named pipe would hang the read and a device such as
/// /dev/zero would fill memory (issue 15), so both are refused before anything is opened, with a sentence.
/// </summary>
internal static class InputFile
{
    /// <summary>The file is no plain file, or too large to read; the message says which, as a clause.</summary>
    public sealed class RefusedException(string message) : IOException(message);

    /// <summary>
    /// What render and publish read of a draft at most. Past the draft size limit the parser still reports the size
    /// with its code and position; this only keeps a file of gigabytes from being read to be told so.
    /// </summary>
    public const long DraftReadLimit = 64L * 1024 * 1024;

    /// <summary>What audit reads of a PDF at most: far beyond any paper's PDF, and still memory a laptop has.</summary>
    public const long PdfReadLimit = 512L * 1024 * 1024;

    public static byte[] ReadAllBytes(string path, long maxBytes)
    {
        if (FileKinds.NotRegular(path) is { } kind)
            throw new RefusedException($"it is {kind}, not a plain file; name the file itself");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        if (stream.Length > maxBytes)
            throw new RefusedException($"it is {stream.Length:N0} bytes, more than the {maxBytes:N0} this command reads");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public static Task<byte[]> ReadAllBytesAsync(string path, long maxBytes) => Task.Run(() => ReadAllBytes(path, maxBytes));
}
