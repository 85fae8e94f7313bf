using HiiaPublish.Format.Common;
using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Format.Body;
using HiiaPublish.Format.Images;
using HiiaPublish.Format.Typography;

namespace HiiaPublish.Format.FrontMatter;

/// <summary>The metadata (null when any field has an error) and the language, needed by the body either way.</summary>
internal sealed record MetadataResult(PerspectiveMetadata? Metadata, PaperLanguage Language);

/// <summary>
/// The front matter's fields → <see cref="PerspectiveMetadata"/>, checking each field's presence,
/// kind and value. Every field is checked even after an error, so the editor sees all problems at once.
/// </summary>
internal sealed partial class MetadataReader
{
    private static readonly string[] KnownFields =
        ["title", "subtitle", "date", "language", "authors", "copy_editors", "abstract", "keywords", "cover", "slug", "series",
         "number", "doi", "translation_of", "corrects"];

    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly ImageChecker _images;
    private readonly MarkdownReader _markdown;
    private readonly PerspectiveParserOptions _options;

    public MetadataReader(SourceText source, DiagnosticBag diagnostics, ImageChecker images, MarkdownReader markdown, PerspectiveParserOptions options)
    {
        _source = source;
        _diagnostics = diagnostics;
        _images = images;
        _markdown = markdown;
        _options = options;
    }

    public MetadataResult Read(YamlNode root)
    {
        if (root is not YamlMapping fields)
        {
            _diagnostics.Report(DiagnosticCatalog.YamlSyntax, At(root), "the front matter must be fields such as 'title: …', one per line.");
            return new MetadataResult(null, PaperLanguage.English);
        }

        var errorsBefore = _diagnostics.ErrorCount;
        WarnUnknown(fields, KnownFields, "");
        var language = ReadLanguage(Find(fields, "language"));
        var typographer = new Typographer(language);

        var rawTitle = RequiredText(fields, "title", "add a line such as 'title: The paper's title'.");
        var subtitle = OptionalText(fields, "subtitle");
        var date = ReadDate(fields);
        var authors = ReadAuthors(fields);
        var copyEditors = ReadNames(Find(fields, "copy_editors"), "copy_editors");
        var summary = ReadAbstract(fields, typographer);
        var keywords = ReadNames(Find(fields, "keywords"), "keywords");
        var cover = ReadCover(Find(fields, "cover"), typographer);
        var slug = ReadSlug(fields, rawTitle);
        var series = OptionalText(fields, "series");
        var number = ReadNumber(fields);
        var doi = ReadDoi(fields);
        var translationOf = ReadTranslationOf(fields, slug);
        var corrects = ReadCorrects(fields, slug);
        CheckKeywordTopics(fields);

        if (_diagnostics.ErrorCount > errorsBefore || rawTitle is null || date is null || summary is null || slug is null)
            return new MetadataResult(null, language);

        var metadata = new PerspectiveMetadata(
            typographer.Apply(rawTitle), subtitle is null ? null : typographer.Apply(subtitle), date.Value, language,
            authors, copyEditors, summary, keywords, cover, slug,
            series ?? (language == PaperLanguage.Hungarian ? _options.DefaultSeriesHungarian : _options.DefaultSeries))
        {
            Number = number,
            Doi = doi,
            TranslationOf = translationOf,
            TranslationOfAt = Find(fields, "translation_of") is { } at ? At(at.Value) : SourcePosition.Start,
            Corrects = corrects,
            CorrectsAt = Find(fields, "corrects") is { } correctsAt ? At(correctsAt.Value) : SourcePosition.Start,
        };
        return new MetadataResult(metadata, language);
    }

    private PaperLanguage ReadLanguage(YamlEntry? entry)
    {
        if (entry is null) return PaperLanguage.English;
        var code = Text(entry.Value, "/language", "language");
        switch (code?.Trim())
        {
            case null: return PaperLanguage.English;
            case "en": return PaperLanguage.English;
            case "hu": return PaperLanguage.Hungarian;
            default:
                _diagnostics.ReportField(DiagnosticCatalog.UnknownLanguage, At(entry.Value), "/language", code.Trim());
                return PaperLanguage.English;
        }
    }

    private DateOnly? ReadDate(YamlMapping fields)
    {
        var entry = Find(fields, "date");
        var written = RequiredText(fields, "date", "add the publication date as 'date: 2026-04-21'.");
        if (entry is null || written is null) return null;
        var trimmed = written.Trim();
        if (trimmed.Length == 10 && trimmed[4] == '-' && trimmed[7] == '-' &&
            DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date))
            return date;
        _diagnostics.ReportField(DiagnosticCatalog.InvalidDate, At(entry.Value), "/date", TextSnippet.Of(trimmed));
        return null;
    }

    private string? ReadSlug(YamlMapping fields, string? title)
    {
        var derived = title is null ? "" : SlugBuilder.Derive(title);
        var entry = Find(fields, "slug");
        if (entry is not null)
        {
            var written = Text(entry.Value, "/slug", "slug");
            if (written is null) return null;
            if (SlugBuilder.IsValid(written)) return written;
            var suggestion = derived.Length > 0 ? derived : SlugBuilder.Derive(written);
            _diagnostics.ReportField(DiagnosticCatalog.BadSlug, At(entry.Value), "/slug", TextSnippet.Of(written),
                suggestion.Length > 0 ? $"; for example '{suggestion}'." : ".");
            return null;
        }
        if (title is null) return null;
        if (derived.Length == 0)
            _diagnostics.ReportField(DiagnosticCatalog.NoSlugFromTitle, At(Find(fields, "title")!.Value), "/slug");
        return derived.Length == 0 ? null : derived;
    }
}
