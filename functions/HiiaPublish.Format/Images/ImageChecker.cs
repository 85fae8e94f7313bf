using System.Text.RegularExpressions;
using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;

namespace HiiaPublish.Format.Images;

/// <summary>
/// Checks an image reference (cover or figure): a local PNG or JPEG file beside the draft whose bytes
/// are what its name says. Remote images are refused, never fetched (row 24 of the reliability table).
/// </summary>
internal sealed partial class ImageChecker
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    private readonly IDraftAssets _assets;
    private readonly DiagnosticBag _diagnostics;

    public ImageChecker(IDraftAssets assets, DiagnosticBag diagnostics)
    {
        _assets = assets;
        _diagnostics = diagnostics;
    }

    /// <summary>The clean relative path ('/' separators), or null when refused (with a diagnostic).</summary>
    public string? Check(string reference, SourcePosition at, string? field = null)
    {
        var written = reference.Trim();
        if (written.StartsWith("//", StringComparison.Ordinal) || (SchemePattern().IsMatch(written) && !DrivePattern().IsMatch(written)))
        {
            _diagnostics.ReportField(DiagnosticCatalog.RemoteImage, at, field, written);
            return null;
        }

        var path = Decode(written);
        var problem = PathProblem(path);
        if (problem is not null)
        {
            _diagnostics.ReportField(DiagnosticCatalog.BadImagePath, at, field, written, problem);
            return null;
        }
        path = string.Join('/', path.Split('/').Where(segment => segment is not ("." or "")));

        var format = FormatOf(path);
        if (format is null)
        {
            _diagnostics.ReportField(DiagnosticCatalog.UnsupportedImageType, at, field, written);
            return null;
        }

        var bytes = _assets.TryRead(path);
        if (bytes is null)
        {
            _diagnostics.ReportField(DiagnosticCatalog.MissingImage, at, field, path);
            return null;
        }
        if (!bytes.AsSpan().StartsWith(format == "PNG" ? PngSignature : JpegSignature))
        {
            _diagnostics.ReportField(DiagnosticCatalog.ImageContentMismatch, at, field, path, format);
            return null;
        }
        return path;
    }

    // Editors may write a space as %20; decoding also unmasks %2e%2e tricks before the path checks.
    private static string Decode(string path)
    {
        try { return Uri.UnescapeDataString(path); }
        catch (UriFormatException) { return path; }
    }

    /// <summary>Why the path cannot name a file inside the draft's folder, as a clause; null when it can.</summary>
    internal static string? PathProblem(string path)
    {
        if (path.Length == 0) return "is empty";
        if (path.Contains('\0') || path.Any(char.IsControl)) return "contains control characters";
        if (path.Contains('\\')) return "uses '\\' between folders";
        if (path.StartsWith('/') || DrivePattern().IsMatch(path)) return "is absolute";
        if (path.Split('/').Any(segment => segment == "..")) return "leaves the draft's folder with '..'";
        return null;
    }

    private static string? FormatOf(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "PNG",
            ".jpg" or ".jpeg" => "JPEG",
            _ => null,
        };

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"^[A-Za-z]:([\\/]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex DrivePattern();
}
