namespace HiiaPublish.Typesetting.Output;

/// <summary>
/// One kind of <see cref="TypesetWarning"/>: a stable code and a short title. Every typesetter warning is a warning
/// (the layout bent, and still finished); the sentence for each occurrence is written where it is found.
/// </summary>
public sealed record TypesetWarningDescriptor(string Code, string Title);

/// <summary>
/// Every warning the typesetter can give (TS00xx), for callers that map them to their own diagnostics (Rendering
/// does, to HP0201 and HP0203). Codes are stable: never reuse or renumber one.
/// </summary>
public static class TypesetWarningCatalog
{
    /// <summary>A word wider than the line was broken between characters.</summary>
    public static readonly TypesetWarningDescriptor OverwideWord = new("TS0001", "Over-wide word broken");

    /// <summary>An image had to be shrunk below half its size at its dpi cap to fit the page.</summary>
    public static readonly TypesetWarningDescriptor ImageShrunk = new("TS0002", "Image shrunk below half to fit the page");

    /// <summary>A unit (table row, image, line, space) taller than the page runs past its foot.</summary>
    public static readonly TypesetWarningDescriptor TallerThanPage = new("TS0003", "Taller than the page");

    /// <summary>An image without a usable pixel size or resolution was left out.</summary>
    public static readonly TypesetWarningDescriptor ImageUnusable = new("TS0004", "Unusable image left out");

    /// <summary>A character is missing from its font.</summary>
    public static readonly TypesetWarningDescriptor MissingGlyph = new("TS0005", "Character missing from its font");

    public static IReadOnlyList<TypesetWarningDescriptor> All { get; } = [OverwideWord, ImageShrunk, TallerThanPage, ImageUnusable, MissingGlyph];
}
