namespace HiiaPublish.Format;

public sealed record PerspectiveParserOptions
{
    /// <summary>Largest draft accepted, in bytes (2 MB by default).</summary>
    public long MaxFileBytes { get; init; } = 2 * 1024 * 1024;
    /// <summary>Deepest nesting of quotes and lists accepted in the body.</summary>
    public int MaxNestingDepth { get; init; } = 16;
    /// <summary>Largest front matter accepted, in bytes: room for any paper's fields, a firm stop for YAML bombs.</summary>
    public int MaxFrontMatterBytes { get; init; } = 64 * 1024;
    /// <summary>Series name used when an English paper's front matter names none.</summary>
    public string DefaultSeries { get; init; } = "HIIA Perspective";
    /// <summary>Series name used when a Hungarian paper's front matter names none (templates/branding.yaml, languages.hu.series).</summary>
    public string DefaultSeriesHungarian { get; init; } = "MKI Nézőpont";
}
