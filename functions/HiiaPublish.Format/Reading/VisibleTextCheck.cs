using System.Globalization;
using System.Text;
using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;

namespace HiiaPublish.Format.Reading;

/// <summary>
/// A field that holds text but nothing a reader could see (a zero-width space, a joiner, a combining mark alone)
/// would become an empty title, author or keyword on the page, in the feed (issue 15: an empty category term) and in
/// the catalogue. Checked on the read metadata, so every field the front matter has is covered the same way.
/// </summary>
internal static class VisibleTextCheck
{
    // Letters by category that every font draws as nothing: Hangul fillers and the blank Braille pattern.
    private static readonly HashSet<int> BlankLetters = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800];

    public static void Check(PerspectiveMetadata metadata, SourceText source, int yamlStart, int yamlEnd, DiagnosticBag diagnostics)
    {
        void Field(string pointer, string key, string? value)
        {
            if (value is null || HasVisible(value)) return;
            diagnostics.ReportField(DiagnosticCatalog.NoVisibleText, FieldPosition(source, yamlStart, yamlEnd, key), pointer, pointer.TrimStart('/'));
        }

        Field("/title", "title", metadata.Title);
        Field("/subtitle", "subtitle", metadata.Subtitle);
        Field("/series", "series", metadata.Series);
        for (var i = 0; i < metadata.Authors.Count; i++) Field($"/authors/{i}", "authors", metadata.Authors[i].Name);
        for (var i = 0; i < metadata.CopyEditors.Count; i++) Field($"/copy_editors/{i}", "copy_editors", metadata.CopyEditors[i]);
        for (var i = 0; i < metadata.Keywords.Count; i++) Field($"/keywords/{i}", "keywords", metadata.Keywords[i]);
        Field("/cover/alt", "cover", metadata.Cover?.Alt);
        Field("/cover/credit", "cover", metadata.Cover?.Credit);
    }

    public static bool HasVisible(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (BlankLetters.Contains(rune.Value)) continue;
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                    or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
                    or UnicodeCategory.EnclosingMark or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate:
                    continue;
                default:
                    return true;
            }
        }
        return false;
    }

    // The metadata keeps no positions; the field's key line in the front matter is where the editor looks.
    private static SourcePosition FieldPosition(SourceText source, int yamlStart, int yamlEnd, string key)
    {
        var first = source.PositionOf(yamlStart).Line;
        var last = source.PositionOf(yamlEnd).Line;
        for (var line = first; line <= last; line++)
            if (source.LineText(line).StartsWith(key + ":", StringComparison.Ordinal)) return new SourcePosition(line, 1);
        return new SourcePosition(first, 1);
    }
}
