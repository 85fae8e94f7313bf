namespace HiiaPublish.Typesetting.Output;

/// <summary>The codes of <see cref="TypesetWarning"/>, for callers that map them to their own diagnostics.</summary>
public static class TypesetWarningCodes
{
    /// <summary>A word wider than the line was broken between characters.</summary>
    public const string OverwideWord = "TS0001";

    /// <summary>An image had to be shrunk below half its size at its dpi cap to fit the page.</summary>
    public const string ImageShrunk = "TS0002";

    /// <summary>A unit (table row, image, line, space) taller than the page runs past its foot.</summary>
    public const string TallerThanPage = "TS0003";

    /// <summary>An image without a usable pixel size or resolution was left out.</summary>
    public const string ImageUnusable = "TS0004";

    /// <summary>A character is missing from its font.</summary>
    public const string MissingGlyph = "TS0005";
}
