using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HiiaPublish.Format.Branding;

/// <summary>Reads templates/branding.yaml. The file is ours, not an editor's: a broken one is a bug, so it throws.</summary>
public static class BrandingLoader
{
    public static Branding Load(string templatesDirectory)
    {
        var path = Path.Combine(templatesDirectory, "branding.yaml");
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var file = deserializer.Deserialize<BrandingFile>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} is empty.");

        BrandingLanguage Language(string code) =>
            file.Languages.TryGetValue(code, out var l) ? l.ToModel() : throw new InvalidDataException($"{path} has no 'languages.{code}' section.");

        return new Branding(file.Homepage, file.HomepageUrl, file.SiteBaseUrl,
            new BrandColours(file.Colours.Primary, file.Colours.Accent, file.Colours.Text, file.Colours.Muted),
            new BrandFonts(file.Fonts.Body, file.Fonts.Heading),
            Language("en"), Language("hu"))
        {
            Crossref = new CrossrefDepositor(Checked(file.Crossref.DoiPrefix, DoiPrefixShape, "crossref.doi_prefix", "10.12345"),
                file.Crossref.DepositorName, file.Crossref.DepositorEmail),
        };
    }

    private static readonly System.Text.RegularExpressions.Regex DoiPrefixShape = new(@"^10\.[0-9]{4,9}$");
    private static readonly System.Text.RegularExpressions.Regex IssnShape = new(@"^[0-9]{4}-[0-9]{3}[0-9X]$");

    // An ISSN or DOI prefix goes into citation files and XML as is, so only the exact shapes pass.
    private static string? Checked(string? value, System.Text.RegularExpressions.Regex shape, string key, string example) =>
        string.IsNullOrWhiteSpace(value) ? null
        : shape.IsMatch(value.Trim()) ? value.Trim()
        : throw new InvalidDataException($"branding.yaml: '{key}' is '{value}', not of the form {example}.");

    // The YAML shape, kept apart from the immutable model the rest of the code sees.
    private sealed class BrandingFile
    {
        public string Homepage { get; set; } = "";
        public string HomepageUrl { get; set; } = "";
        public string SiteBaseUrl { get; set; } = "";
        public ColoursFile Colours { get; set; } = new();
        public FontsFile Fonts { get; set; } = new();
        public Dictionary<string, LanguageFile> Languages { get; set; } = [];
        public CrossrefFile Crossref { get; set; } = new();
    }

    private sealed class CrossrefFile
    {
        public string? DoiPrefix { get; set; }
        public string DepositorName { get; set; } = "";
        public string DepositorEmail { get; set; } = "";
    }

    private sealed class ColoursFile
    {
        public string Primary { get; set; } = "#000000";
        public string Accent { get; set; } = "#000000";
        public string Text { get; set; } = "#000000";
        public string Muted { get; set; } = "#000000";
    }

    private sealed class FontsFile
    {
        public string Body { get; set; } = "";
        public string Heading { get; set; } = "";
    }

    private sealed class LanguageFile
    {
        public string Institute { get; set; } = "";
        public string InstituteMark { get; set; } = "";
        public string InstituteShort { get; set; } = "";
        public string Series { get; set; } = "";
        public string RegularPublication { get; set; } = "";
        public string PublisherLabel { get; set; } = "";
        public string Copyright { get; set; } = "";
        public string AuthorsLabel { get; set; } = "";
        public string CopyEditorsLabel { get; set; } = "";
        public string Disclaimer { get; set; } = "";
        public string MorePublications { get; set; } = "";
        public string CoverPhotoSource { get; set; } = "";
        public string RoleSuffix { get; set; } = "";
        public List<string> Months { get; set; } = [];
        public string DateFormat { get; set; } = "";
        public string? Issn { get; set; }

        public BrandingLanguage ToModel() => new(Institute, InstituteMark, InstituteShort, Series, RegularPublication,
            PublisherLabel, Copyright, AuthorsLabel, CopyEditorsLabel, Disclaimer, MorePublications, CoverPhotoSource,
            RoleSuffix, Months.Count == 12 ? Months : throw new InvalidDataException("branding.yaml: each language needs 12 month names."),
            DateFormat) { Issn = Checked(Issn, IssnShape, "languages.*.issn", "1234-5678") };
    }
}
