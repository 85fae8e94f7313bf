using System.Collections.Concurrent;
using HiiaPublish.Typesetting.Fonts;

namespace HiiaPublish.Pdf.Fonts;

/// <summary>
/// The bundled fonts (templates/fonts), one file per face named "{Family without spaces}-{Face}.ttf"
/// with Face one of Regular, Bold, Italic, BoldItalic. Loaded once; immutable afterwards.
/// </summary>
/// <remarks>
/// Each face's file is read and parsed when a paper first uses it: a typical paper sets five of the eight, and a
/// fresh `hiia render` need not read (about 0.5 MB each) and parse the other three.
/// </remarks>
public sealed class FontCatalog
{
    private readonly Dictionary<string, Lazy<TrueTypeFont>> _faces;

    // The typesetter asks for a face once per measured word and the glyph check once per character:
    // resolving by FontSpec here spares building the face's file name (two strings) on every call.
    private readonly ConcurrentDictionary<FontSpec, TrueTypeFont?> _bySpec = new();

    private FontCatalog(Dictionary<string, Lazy<TrueTypeFont>> faces) => _faces = faces;

    public static FontCatalog Load(string fontsDirectory)
    {
        var faces = new Dictionary<string, Lazy<TrueTypeFont>>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(fontsDirectory, "*.ttf").Order(StringComparer.Ordinal))
        {
            var faceName = Path.GetFileNameWithoutExtension(file);
            faces[faceName] = new Lazy<TrueTypeFont>(() => TrueTypeFont.Parse(File.ReadAllBytes(file), Path.GetFileName(file)));
        }
        if (faces.Count == 0)
            throw new InvalidDataException($"No .ttf fonts in {fontsDirectory}.");
        return new FontCatalog(faces);
    }

    public IReadOnlyCollection<string> FaceNames => _faces.Keys;

    /// <summary>The file name (without extension) that holds <paramref name="font"/>.</summary>
    public static string FaceNameOf(FontSpec font) => FaceNameOf(font.Family, font.Bold, font.Italic);

    public static string FaceNameOf(string family, bool bold, bool italic) =>
        family.Replace(" ", "", StringComparison.Ordinal) + "-" + (bold, italic) switch
        {
            (true, true) => "BoldItalic",
            (true, false) => "Bold",
            (false, true) => "Italic",
            _ => "Regular",
        };

    public bool Has(FontSpec font) => Find(font) is not null;

    internal TrueTypeFont Face(FontSpec font) => Find(font) ?? Face(FaceNameOf(font));

    internal TrueTypeFont? Find(FontSpec font) =>
        _bySpec.GetOrAdd(font, static (spec, faces) => faces.GetValueOrDefault(FaceNameOf(spec))?.Value, _faces);

    internal TrueTypeFont Face(string faceName) =>
        _faces.TryGetValue(faceName, out var face)
            ? face.Value
            : throw new KeyNotFoundException($"The font face '{faceName}' is not bundled in templates/fonts.");
}
