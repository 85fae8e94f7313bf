using System.Text.Json;
using HiiaPublish.Format.Branding;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HiiaPublish.Format.Tests.Format;

/// <summary>
/// The branding is read from YAML events by hand (no reflection, for a faster start). These tests pin that it reads
/// exactly what YamlDotNet's reflection deserialiser read before, and that a broken file names the key and line.
/// </summary>
public sealed class BrandingLoaderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("hiia-branding-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static readonly string Shipped = File.ReadAllText(Path.Combine(RepositoryPaths.Templates, "branding.yaml"));

    private Branding.Branding Load(string yaml)
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "branding.yaml"), yaml);
        return BrandingLoader.Load(_folder.FullName);
    }

    [Fact]
    public void TheShippedBranding_ReadsAsTheReflectionDeserialiserReadIt()
    {
        var read = BrandingLoader.Load(RepositoryPaths.Templates);

        Assert.Equal(Json(ReflectionOracle.Load(Shipped)), Json(read));
        // And what that means, in the words a reader sees.
        Assert.Equal("Magyar Külügyi Intézet", read.Hungarian.Institute);
        Assert.Equal("© Hungarian Institute of International Affairs, {year}.", read.English.Copyright);
        Assert.StartsWith("The views expressed in this analysis are solely those of the author(s) and cannot be considered", read.English.Disclaimer);
        Assert.EndsWith("or the Hungarian government", read.English.Disclaimer);
        Assert.Equal("december", read.Hungarian.Months[11]);
        Assert.Null(read.English.Issn);
        Assert.Null(read.Crossref.DoiPrefix);
        Assert.Equal("#1F3A5F", read.Colours.Primary);
    }

    [Fact]
    public void AFilledInIssnAndDoiPrefix_AndQuotedOrFoldedValues_ReadAsTheDeserialiserReadThem()
    {
        var yaml = Shipped
            .Replace("  doi_prefix:\n", "  doi_prefix: '10.12345'\n", StringComparison.Ordinal)
            .Replace("    issn:\n", "    issn: \"1234-567X\"\n", StringComparison.Ordinal)
            .Replace("homepage: www.hiia.hu", "homepage: \"\"", StringComparison.Ordinal)
            .Replace("  text: \"#1A1A1A\"", "  text: |\n    two\n    lines", StringComparison.Ordinal);

        var read = Load(yaml);

        Assert.Equal(Json(ReflectionOracle.Load(yaml)), Json(read));
        Assert.Equal("10.12345", read.Crossref.DoiPrefix);
        Assert.Equal("1234-567X", read.Hungarian.Issn);
        Assert.Equal("", read.Homepage);
        Assert.Equal("two\nlines\n", read.Colours.Text);
    }

    [Fact]
    public void AKeyOrSectionLeftOut_KeepsItsDefault()
    {
        var yaml = Shipped.Replace("  muted: \"#5A5A5A\"\n", "", StringComparison.Ordinal);
        yaml = yaml[..yaml.IndexOf("fonts:", StringComparison.Ordinal)] + yaml[yaml.IndexOf("languages:", StringComparison.Ordinal)..];

        var read = Load(yaml);

        Assert.Equal("#000000", read.Colours.Muted);
        Assert.Equal(new BrandFonts("", ""), read.Fonts);
        Assert.Equal(Json(ReflectionOracle.Load(yaml)), Json(read));
    }

    [Theory]
    [InlineData("  accent: \"#B8860B\"", "  acent: \"#B8860B\"", "line 10", "'colours.acent' is not a branding key")]
    [InlineData("    institute_short: MKI", "    institute_shrt: MKI", "'languages.hu.institute_shrt' is not a branding key")]
    [InlineData("homepage: www.hiia.hu", "homepage: [www.hiia.hu]", "line 4", "'homepage' must be a single value")]
    [InlineData("fonts:\n  body: Noto Serif\n  heading: Noto Sans", "fonts: Noto Serif", "'fonts' must be a set of keys")]
    [InlineData("    role_suffix: MKI\n", "    role_suffix: MKI\n    role_suffix: KKI\n", "'languages.hu.role_suffix' is given twice")]
    [InlineData("    months: [január, február,", "    months: [február,", "12 month names")]
    [InlineData("  hu:\n", "  de:\n", "no 'languages.hu' section")]
    [InlineData("  doi_prefix:\n", "  doi_prefix: 10.1234567890\n", "'crossref.doi_prefix' is '10.1234567890', not of the form 10.12345")]
    [InlineData("homepage: www.hiia.hu", "homepage: \"www.hiia.hu", "branding.yaml (line")]
    [InlineData("homepage: www.hiia.hu", "homepage: &h www.hiia.hu\nsite: *h", "'site' holds something branding.yaml does not use")]
    public void ABrokenFile_StopsWithTheKeyAndWhereItIs(string find, string replace, params string[] expected)
    {
        Assert.Contains(find, Shipped, StringComparison.Ordinal);
        var error = Assert.Throws<InvalidDataException>(() => Load(Shipped.Replace(find, replace, StringComparison.Ordinal)));
        foreach (var part in expected)
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFile_SaysSo()
    {
        var error = Assert.Throws<InvalidDataException>(() => Load("# nothing yet\n"));
        Assert.EndsWith("branding.yaml is empty.", error.Message, StringComparison.Ordinal);
    }

    private static string Json(Branding.Branding branding) => JsonSerializer.Serialize(branding);

    // The loader as it was (YamlDotNet's reflection deserialiser), kept here as the reference the new reader must match.
    private static class ReflectionOracle
    {
        public static Branding.Branding Load(string yaml)
        {
            var file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<BrandingFile>(yaml);
            return new Branding.Branding(file.Homepage, file.HomepageUrl, file.SiteBaseUrl,
                new BrandColours(file.Colours.Primary, file.Colours.Accent, file.Colours.Text, file.Colours.Muted),
                new BrandFonts(file.Fonts.Body, file.Fonts.Heading),
                file.Languages["en"].ToModel(), file.Languages["hu"].ToModel())
            {
                Crossref = new CrossrefDepositor(string.IsNullOrWhiteSpace(file.Crossref.DoiPrefix) ? null : file.Crossref.DoiPrefix.Trim(),
                    file.Crossref.DepositorName, file.Crossref.DepositorEmail),
            };
        }

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
                RoleSuffix, Months, DateFormat) { Issn = string.IsNullOrWhiteSpace(Issn) ? null : Issn.Trim() };
        }
    }
}
