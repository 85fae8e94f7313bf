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
    private readonly PerspectiveParserOptions _options;
    // Each file is read and decoded once however often the draft shows it, and counted once towards the total.
    private readonly Dictionary<string, bool> _checked = new(StringComparer.Ordinal);
    private long _totalPixels;
    private bool _totalReported;
    private readonly List<ImageCost> _costs = [];

    public ImageChecker(IDraftAssets assets, DiagnosticBag diagnostics, PerspectiveParserOptions? options = null)
    {
        _assets = assets;
        _diagnostics = diagnostics;
        _options = options ?? new PerspectiveParserOptions();
    }

    /// <summary>Each accepted image's share of a render's memory, in the order they were named (RenderCostEstimate).</summary>
    public IReadOnlyList<ImageCost> Costs => _costs;

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

        if (_checked.TryGetValue(path, out var good)) return good ? path : null;
        good = CheckFile(path, format, at, field);
        _checked[path] = good;
        return good ? path : null;
    }

    private bool CheckFile(string path, string format, SourcePosition at, string? field)
    {
        // A file beside the draft that is no plain file inside its folder (a link out of it, a device, a pipe) is
        // named for what it is, never read (issue 15: /dev/zero ran out of memory, a FIFO hung `check`).
        if (_assets is IDraftAssetRules rules && rules.ProblemOf(path) is { } problem)
        {
            _diagnostics.ReportField(DiagnosticCatalog.AssetNotRegularFile, at, field, path, problem);
            return false;
        }
        if (_assets is IDraftAssetRules sized && sized.LengthOf(path) is { } length && length > _options.MaxImageFileBytes)
        {
            _diagnostics.ReportField(DiagnosticCatalog.ImageFileTooLarge, at, field, path, length, _options.MaxImageFileBytes);
            return false;
        }
        var bytes = _assets.TryRead(path);
        if (bytes is null)
        {
            _diagnostics.ReportField(DiagnosticCatalog.MissingImage, at, field, path);
            return false;
        }
        if (bytes.LongLength > _options.MaxImageFileBytes)
        {
            _diagnostics.ReportField(DiagnosticCatalog.ImageFileTooLarge, at, field, path, bytes.LongLength, _options.MaxImageFileBytes);
            return false;
        }
        if (!bytes.AsSpan().StartsWith(format == "PNG" ? PngSignature : JpegSignature))
        {
            _diagnostics.ReportField(DiagnosticCatalog.ImageContentMismatch, at, field, path, format);
            return false;
        }

        var reading = format == "PNG" ? ImageDecoding.ReadPng(bytes, _options.MaxImagePixels) : JpegReading.Read(bytes, _options.MaxImagePixels);
        if (reading.IsDamaged)
        {
            _diagnostics.ReportField(DiagnosticCatalog.ImageCorrupt, at, field, path, reading.DamagedAt, reading.Damage, format);
            return false;
        }
        if (reading.Unprintable is { } kind)
        {
            _diagnostics.ReportField(DiagnosticCatalog.ImageKindUnsupported, at, field, path, kind, "an ordinary 8-bit JPEG, or a PNG");
            return false;
        }
        if (reading.Pixels > _options.MaxImagePixels)
        {
            _diagnostics.ReportField(DiagnosticCatalog.ImageTooManyPixels, at, field, path, reading.Width, reading.Height, _options.MaxImagePixels);
            return false;
        }
        _totalPixels += reading.Pixels;
        if (_totalPixels > _options.MaxTotalImagePixels && !_totalReported)
        {
            _totalReported = true;
            _diagnostics.ReportField(DiagnosticCatalog.ImagesTooManyPixels, at, field, _totalPixels, _options.MaxTotalImagePixels, path);
            return false;
        }
        _costs.Add(new ImageCost(path, at, field, RenderCostEstimate.OfImage(reading, bytes.LongLength)));
        return true;
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

/// <summary>What one image adds to a render's memory, and where the draft names it.</summary>
internal sealed record ImageCost(string Path, SourcePosition At, string? Field, long Bytes);
