using System.Globalization;

namespace HiiaPublish.Site;

/// <summary>How the site writes sizes and instants, the same on every page and in the feed.</summary>
internal static class SiteFormat
{
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 in UTC, as Atom and schema.org expect.</summary>
    public static string IsoInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"312 KB" or "1.4 MB" (Hungarian "1,4 MB"); KB rounded up so a small file never shows "0 KB".</summary>
    public static string FileSize(long bytes, SiteLabels labels, bool decimalComma)
    {
        const long kilobyte = 1024, megabyte = 1024 * 1024;
        if (bytes < megabyte)
            return labels.Fill("size_kb", ("n", Math.Max(1, (bytes + kilobyte - 1) / kilobyte).ToString(CultureInfo.InvariantCulture)));
        var megabytes = (bytes / (double)megabyte).ToString("0.0", CultureInfo.InvariantCulture);
        return labels.Fill("size_mb", ("n", decimalComma ? megabytes.Replace('.', ',') : megabytes));
    }
}
