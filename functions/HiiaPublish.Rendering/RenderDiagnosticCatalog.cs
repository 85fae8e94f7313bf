using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Typesetting.Output;
using static HiiaPublish.Format.Diagnostics.DiagnosticDescriptor;

namespace HiiaPublish.Rendering;

/// <summary>
/// Every diagnostic rendering can report (HP02xx; the parser's are HP00xx–HP01xx, publishing's HP07xx). Codes are
/// stable and docs/perspective-format.md explains each: never reuse or renumber one.
/// </summary>
internal static class RenderDiagnosticCatalog
{

    public static readonly DiagnosticDescriptor MissingGlyph = Error("HP0201", "Character missing from the font",
        "The character '{0}' (U+{1:X4}) cannot be printed in {2}. Replace it with a similar character, or ask for a font that has it.");
    public static readonly DiagnosticDescriptor UnreadableImage = Error("HP0202", "Image cannot be read",
        "The image '{0}' could not be read as a PNG or JPEG. Save it again as .png or .jpg beside the draft.");
    // The typesetter words what it had to bend (a word wider than the line, an image shrunk hard); its sentence
    // is passed on as it is.
    public static readonly DiagnosticDescriptor LayoutCompromise = Warning("HP0203", "Layout compromise", "{0}");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [MissingGlyph, UnreadableImage, LayoutCompromise];

    /// <summary>
    /// The one place where a warning of the typesetter (TS00xx) becomes a diagnostic of the render: a character missing
    /// from its font (TS0005) is the error HP0201, since the paper cannot be printed as written; anything else the
    /// typesetter had to bend is the warning HP0203, in the typesetter's words.
    /// </summary>
    public static void Report(RenderContext context, TypesetWarning warning)
    {
        if (warning.Code == TypesetWarningCatalog.MissingGlyph.Code && warning is { Font: { } font, CodePoint: { } codePoint })
            context.Report(MissingGlyph, warning.SourceLine, char.ConvertFromUtf32(codePoint), codePoint, font);
        else
            context.Report(LayoutCompromise, warning.SourceLine, warning.Message);
    }
}
