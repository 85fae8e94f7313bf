using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HiiaPublish.Format.Branding;

/// <summary>Reads templates/branding.yaml. The file is ours, not an editor's: a broken one is a bug, so it throws.</summary>
/// <remarks>
/// The file is read from YamlDotNet's parser events and mapped by hand, key by key, instead of through its
/// reflection-based deserialiser: building that deserialiser and inspecting the target types cost a fresh
/// `hiia render` about 40 ms of CPU, more than the rest of the branding's work together (docs/performance.md,
/// "A fresh render, faster"). What the deserialiser did is kept: an unknown key is an error, a key left out keeps
/// its default, and an empty (or `~`, `null`) value is null where null means "none" (doi_prefix, issn).
/// </remarks>
public static class BrandingLoader
{
    public static Branding Load(string templatesDirectory)
    {
        var path = Path.Combine(templatesDirectory, "branding.yaml");
        var root = BrandingYaml.Read(File.ReadAllText(path), path)
            ?? throw new InvalidDataException($"{path} is empty.");

        root.AllowOnly("homepage", "homepage_url", "site_base_url", "colours", "fonts", "languages", "crossref");
        // A section left out keeps every default, as a key left out does.
        var colours = root.Mapping("colours") ?? BrandingYaml.Map.Empty;
        var fonts = root.Mapping("fonts") ?? BrandingYaml.Map.Empty;
        var crossref = root.Mapping("crossref") ?? BrandingYaml.Map.Empty;
        var languages = root.Mapping("languages") ?? BrandingYaml.Map.Empty;
        colours.AllowOnly("primary", "accent", "text", "muted");
        fonts.AllowOnly("body", "heading");
        crossref.AllowOnly("doi_prefix", "depositor_name", "depositor_email");
        // Every language listed is checked for misspelt keys, also one not printed yet.
        foreach (var code in languages.Keys)
            languages.Mapping(code)?.AllowOnly(LanguageKeys);

        BrandingLanguage Language(string code) =>
            languages.Mapping(code) is { } language ? LanguageFrom(language)
            : throw new InvalidDataException($"{path} has no 'languages.{code}' section.");

        var english = Language("en");
        var hungarian = Language("hu");

        return new Branding(root.Text("homepage", ""), root.Text("homepage_url", ""), root.Text("site_base_url", ""),
            new BrandColours(colours.Text("primary", "#000000"), colours.Text("accent", "#000000"),
                colours.Text("text", "#000000"), colours.Text("muted", "#000000")),
            new BrandFonts(fonts.Text("body", ""), fonts.Text("heading", "")),
            english, hungarian)
        {
            Crossref = new CrossrefDepositor(Checked(crossref.Optional("doi_prefix"), DoiPrefixShape, "crossref.doi_prefix", "10.12345"),
                crossref.Text("depositor_name", ""), crossref.Text("depositor_email", "")),
        };
    }

    private static readonly string[] LanguageKeys =
    [
        "institute", "institute_mark", "institute_short", "series", "regular_publication", "publisher_label",
        "copyright", "authors_label", "copy_editors_label", "disclaimer", "more_publications", "cover_photo_source",
        "role_suffix", "months", "date_format", "issn",
    ];

    private static BrandingLanguage LanguageFrom(BrandingYaml.Map language)
    {
        var months = language.List("months");
        return new BrandingLanguage(language.Text("institute", ""), language.Text("institute_mark", ""),
            language.Text("institute_short", ""), language.Text("series", ""), language.Text("regular_publication", ""),
            language.Text("publisher_label", ""), language.Text("copyright", ""), language.Text("authors_label", ""),
            language.Text("copy_editors_label", ""), language.Text("disclaimer", ""), language.Text("more_publications", ""),
            language.Text("cover_photo_source", ""), language.Text("role_suffix", ""),
            months.Count == 12 ? months : throw new InvalidDataException("branding.yaml: each language needs 12 month names."),
            language.Text("date_format", ""))
        { Issn = Checked(language.Optional("issn"), IssnShape, "languages.*.issn", "1234-5678") };
    }

    private static readonly Regex DoiPrefixShape = new(@"^10\.[0-9]{4,9}$");
    private static readonly Regex IssnShape = new(@"^[0-9]{4}-[0-9]{3}[0-9X]$");

    // An ISSN or DOI prefix goes into citation files and XML as is, so only the exact shapes pass.
    private static string? Checked(string? value, Regex shape, string key, string example) =>
        string.IsNullOrWhiteSpace(value) ? null
        : shape.IsMatch(value.Trim()) ? value.Trim()
        : throw new InvalidDataException($"branding.yaml: '{key}' is '{value}', not of the form {example}.");
}

/// <summary>
/// branding.yaml as plain mappings, lists and strings, read from YamlDotNet's parser events. Every value keeps
/// where it was, so a wrong key or shape is reported with its line.
/// </summary>
internal static class BrandingYaml
{
    /// <summary>The root mapping, or null for an empty file.</summary>
    public static Map? Read(string yaml, string path)
    {
        var parser = new Parser(new Scanner(new StringReader(yaml), skipComments: true));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
                return null;
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, path, "");
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
                throw new InvalidDataException($"{path}: only one YAML document is allowed.");
            return root switch
            {
                Map map => map,
                null => null,
                _ => throw new InvalidDataException($"{path}: the file must be a mapping of keys (homepage, colours, languages, …)."),
            };
        }
        catch (YamlException exception)
        {
            throw new InvalidDataException($"{path} (line {exception.Start.Line}): {exception.Message}", exception);
        }
    }

    // A string (null for an empty, ~ or null plain scalar), a List<string?> or a Map.
    private static object? ReadNode(IParser parser, string path, string key)
    {
        switch (parser.Current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return IsNull(scalar) ? null : scalar.Value;
            case SequenceStart start:
                parser.MoveNext();
                var items = new List<string?>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                    items.Add(ReadNode(parser, path, key) switch
                    {
                        null => null,
                        string text => text,
                        _ => throw new InvalidDataException($"{path} (line {start.Start.Line}): '{key}' must be a list of words."),
                    });
                return items;
            case MappingStart:
                parser.MoveNext();
                var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyEvent = parser.Consume<Scalar>();
                    var name = keyEvent.Value;
                    var fullName = key.Length == 0 ? name : key + "." + name;
                    if (entries.ContainsKey(name))
                        throw new InvalidDataException($"{path} (line {keyEvent.Start.Line}): '{fullName}' is given twice.");
                    entries[name] = new Entry(ReadNode(parser, path, fullName), keyEvent.Start.Line);
                }
                return new Map(path, key, entries);
            default:
                throw new InvalidDataException($"{path} (line {parser.Current?.Start.Line}): '{key}' holds something branding.yaml does not use (an anchor or alias?).");
        }
    }

    // What YAML's core schema reads as null in a plain scalar; a quoted "" stays an empty string.
    private static bool IsNull(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    // A class, not a tuple: a dictionary of a value type is JIT-compiled on every fresh start despite ReadyToRun.
    public sealed record Entry(object? Value, long Line);

    /// <summary>One mapping of the file, with its dotted name for messages ("languages.en").</summary>
    public sealed class Map(string path, string name, Dictionary<string, Entry> entries)
    {
        public static readonly Map Empty = new("", "", []);

        public IEnumerable<string> Keys => entries.Keys;

        /// <summary>The nested mapping at <paramref name="key"/>, or null when the key is absent.</summary>
        public Map? Mapping(string key) =>
            !entries.TryGetValue(key, out var entry) ? null
            : entry.Value as Map ?? throw Wrong(key, entry.Line, "a set of keys");

        /// <summary>The words at <paramref name="key"/>; <paramref name="absent"/> when the key is not there, "" when it is empty.</summary>
        public string Text(string key, string absent) => Optional(key, absent) ?? "";

        /// <summary>The words at <paramref name="key"/>, or null when the key is absent or empty.</summary>
        public string? Optional(string key, string? absent = null) =>
            !entries.TryGetValue(key, out var entry) ? absent
            : entry.Value is null or string ? (string?)entry.Value
            : throw Wrong(key, entry.Line, "a single value");

        public List<string> List(string key) =>
            !entries.TryGetValue(key, out var entry) || entry.Value is null ? []
            : entry.Value is List<string?> items ? items.ConvertAll(item => item!)
            : throw Wrong(key, entry.Line, "a list");

        /// <summary>Throws for the first key the file has here that the pipeline does not read (a misspelling, most likely).</summary>
        public void AllowOnly(params string[] known)
        {
            foreach (var (key, entry) in entries)
                if (Array.IndexOf(known, key) < 0)
                    throw new InvalidDataException(
                        $"{path} (line {entry.Line}): '{Full(key)}' is not a branding key; known here: {string.Join(", ", known)}.");
        }

        private string Full(string key) => name.Length == 0 ? key : name + "." + key;

        private InvalidDataException Wrong(string key, long line, string shape) =>
            new($"{path} (line {line}): '{Full(key)}' must be {shape}.");
    }
}
