using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Format.Body;
using HiiaPublish.Format.Typography;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;

namespace HiiaPublish.Format.FrontMatter;

// The fields with inner structure: authors, abstract, cover.
internal sealed partial class MetadataReader
{
    private static readonly string[] AuthorFields = ["name", "role", "family_name"];
    private static readonly string[] CoverFields = ["image", "alt", "credit"];
    private const string AuthorsHint = "add 'authors:' with one name per line, each line starting with '- '.";

    private EquatableList<Author> ReadAuthors(YamlMapping fields)
    {
        var entry = Find(fields, "authors");
        if (entry is null)
        {
            _diagnostics.ReportField(DiagnosticCatalog.MissingField, At(fields), "/authors", "authors", AuthorsHint);
            return EquatableList<Author>.Empty;
        }

        var items = entry.Value switch
        {
            YamlSequence sequence => sequence.Items,
            YamlScalar { IsNull: false } scalar when !string.IsNullOrWhiteSpace(scalar.Value) => [scalar],
            YamlScalar or YamlSequence => [],
            _ => null,
        };
        if (items is null)
        {
            if (entry.Value is not YamlRefused)
                _diagnostics.ReportField(DiagnosticCatalog.WrongType, At(entry.Value), "/authors", "authors", "a list of names", entry.Value.KindName);
            return EquatableList<Author>.Empty;
        }
        if (items.Count == 0)
        {
            _diagnostics.ReportField(DiagnosticCatalog.EmptyField, At(entry.Value), "/authors", "authors", AuthorsHint);
            return EquatableList<Author>.Empty;
        }

        var authors = new List<Author>();
        for (var i = 0; i < items.Count; i++)
            if (ReadAuthor(items[i], i) is { } author) authors.Add(author);
        return authors.ToEquatableList();
    }

    private Author? ReadAuthor(YamlNode node, int index)
    {
        var pointer = $"/authors/{index}";
        var display = $"author {index + 1}";
        if (node is not YamlMapping fields)
        {
            var name = Text(node, pointer, display);
            if (name is not null && string.IsNullOrWhiteSpace(name))
                _diagnostics.ReportField(DiagnosticCatalog.EmptyField, At(node), pointer, display, "write the author's name or remove the line.");
            return string.IsNullOrWhiteSpace(name) ? null : new Author(name.Trim(), null);
        }

        WarnUnknown(fields, AuthorFields, pointer);
        var nameEntry = Find(fields, "name");
        if (nameEntry is null)
        {
            _diagnostics.ReportField(DiagnosticCatalog.MissingField, At(fields), pointer + "/name", $"name (of {display})", "write 'name: ' and the author's name.");
            return null;
        }
        var written = Text(nameEntry.Value, pointer + "/name", $"name (of {display})");
        if (written is not null && string.IsNullOrWhiteSpace(written))
            _diagnostics.ReportField(DiagnosticCatalog.EmptyField, At(nameEntry.Value), pointer + "/name", $"name (of {display})", "write the author's name.");
        var role = Find(fields, "role") is { } roleEntry ? Text(roleEntry.Value, pointer + "/role", $"role (of {display})") : null;
        var family = Find(fields, "family_name") is { } familyEntry
            ? Text(familyEntry.Value, pointer + "/family_name", $"family_name (of {display})") : null;
        return string.IsNullOrWhiteSpace(written) ? null : new Author(written.Trim(), string.IsNullOrWhiteSpace(role) ? null : role.Trim(),
            string.IsNullOrWhiteSpace(family) ? null : family.Trim());
    }

    private EquatableList<Inline>? ReadAbstract(YamlMapping fields, Typographer typographer)
    {
        const string Hint = "add 'abstract:' with one paragraph that summarises the paper.";
        var text = RequiredText(fields, "abstract", Hint);
        if (text is null) return null;
        var at = At(Find(fields, "abstract")!.Value);

        var document = _markdown.TryParse(text);
        if (document is null)
        {
            _diagnostics.ReportField(DiagnosticCatalog.NestingTooDeep, at, "/abstract", _options.MaxNestingDepth);
            return null;
        }

        var blocks = document.Where(block => block is not (LinkReferenceDefinitionGroup or FootnoteGroup or BlankLineBlock)).ToArray();
        if (blocks is not [ParagraphBlock paragraph])
        {
            var reason = blocks.All(block => block is ParagraphBlock)
                ? $"it has {blocks.Length} paragraphs. Join them, or move the rest into the body."
                : "a heading, list, quote, table or code block cannot be part of it.";
            _diagnostics.ReportField(DiagnosticCatalog.AbstractNotOneParagraph, at, "/abstract", reason);
            return null;
        }

        var converter = new InlineConverter(typographer, _diagnostics, _ => at, InlineMode.Abstract);
        return converter.Convert(paragraph.Inline);
    }

    private CoverImage? ReadCover(YamlEntry? entry, Typographer typographer)
    {
        if (entry is null || entry.Value is YamlRefused || entry.Value is YamlScalar { IsNull: true }) return null;
        if (entry.Value is not YamlMapping fields)
        {
            _diagnostics.ReportField(DiagnosticCatalog.WrongType, At(entry.Value), "/cover", "cover", "a set of fields (image, alt, credit)", entry.Value.KindName);
            return null;
        }

        WarnUnknown(fields, CoverFields, "/cover");
        string? Field(string name) =>
            Find(fields, name) is { } found && Text(found.Value, "/cover/" + name, name) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

        var image = Field("image");
        var alt = Field("alt");
        var credit = Field("credit");
        var path = image;
        if (image is not null)
        {
            path = _images.Check(image, At(Find(fields, "image")!.Value), "/cover/image") ?? image;
            if (alt is null) _diagnostics.ReportField(DiagnosticCatalog.CoverWithoutAlt, At(fields), "/cover/alt");
        }
        else if (credit is not null)
            _diagnostics.ReportField(DiagnosticCatalog.CoverCreditWithoutImage, At(Find(fields, "credit")!.Value), "/cover/credit", credit);
        return new CoverImage(path, alt is null ? null : typographer.Apply(alt), credit is null ? null : typographer.Apply(credit));
    }
}
