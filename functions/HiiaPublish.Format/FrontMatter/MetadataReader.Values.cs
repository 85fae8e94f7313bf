using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;

namespace HiiaPublish.Format.FrontMatter;

// Reading one value of a given kind, with the diagnostics for missing, empty and wrong-kind values.
internal sealed partial class MetadataReader
{
    private static YamlEntry? Find(YamlMapping mapping, string name) =>
        mapping.Entries.FirstOrDefault(entry => entry.Key.Value == name);

    private SourcePosition At(YamlNode node) => _source.PositionOf(node.Offset);

    private void WarnUnknown(YamlMapping mapping, string[] known, string pointerPrefix)
    {
        foreach (var entry in mapping.Entries.Where(entry => !known.Contains(entry.Key.Value)))
        {
            var suggestion = NameSuggester.Suggest(entry.Key.Value, known);
            _diagnostics.ReportField(DiagnosticCatalog.UnknownField, At(entry.Key), pointerPrefix + "/" + entry.Key.Value,
                TextSnippet.Of(entry.Key.Value), suggestion is null ? "." : $"; did you mean '{suggestion}'?");
        }
    }

    /// <summary>The text of a scalar ("" for an empty value); null, reported, for a list or field set.</summary>
    private string? Text(YamlNode node, string pointer, string name)
    {
        switch (node)
        {
            case YamlScalar scalar:
                return scalar.IsNull ? "" : scalar.Value;
            case YamlRefused:
                return null;
            default:
                _diagnostics.ReportField(DiagnosticCatalog.WrongType, At(node), pointer, name, "text", node.KindName);
                return null;
        }
    }

    /// <summary>A required, non-empty text field; null when missing, empty or of the wrong kind (all reported).</summary>
    private string? RequiredText(YamlMapping fields, string name, string hint)
    {
        var entry = Find(fields, name);
        if (entry is null)
        {
            _diagnostics.ReportField(DiagnosticCatalog.MissingField, At(fields), "/" + name, name, hint);
            return null;
        }
        var text = Text(entry.Value, "/" + name, name);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            _diagnostics.ReportField(DiagnosticCatalog.EmptyField, At(entry.Value), "/" + name, name, hint);
            return null;
        }
        return text?.Trim();
    }

    /// <summary>An optional text field: null when absent or empty.</summary>
    private string? OptionalText(YamlMapping fields, string name)
    {
        var entry = Find(fields, name);
        if (entry is null) return null;
        var text = Text(entry.Value, "/" + name, name);
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>A list of names or words; a single text is accepted as a list of one.</summary>
    private EquatableList<string> ReadNames(YamlEntry? entry, string name)
    {
        if (entry is null) return EquatableList<string>.Empty;
        var pointer = "/" + name;
        if (entry.Value is YamlScalar scalar)
            return string.IsNullOrWhiteSpace(scalar.Value) || scalar.IsNull ? EquatableList<string>.Empty : EquatableList.Of(scalar.Value.Trim());
        if (entry.Value is not YamlSequence sequence)
        {
            if (entry.Value is not YamlRefused)
                _diagnostics.ReportField(DiagnosticCatalog.WrongType, At(entry.Value), pointer, name, "a list", entry.Value.KindName);
            return EquatableList<string>.Empty;
        }

        var names = new List<string>();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var text = Text(item, $"{pointer}/{i}", $"{name} {i + 1}");
            if (text is null) continue;
            if (string.IsNullOrWhiteSpace(text))
                _diagnostics.ReportField(DiagnosticCatalog.EmptyField, At(item), $"{pointer}/{i}", $"{name} {i + 1}", "write a name or remove the line.");
            else names.Add(text.Trim());
        }
        return names.ToEquatableList();
    }
}
