using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Format;
using HiiaPublish.Format.Tests.Support;

namespace HiiaPublish.Format.Tests.Format;

/// <summary>
/// Every folder under Fixtures/ is a case: draft.md (with any images beside it), expected.txt holding the
/// exact printed diagnostics (empty for a valid paper), and optionally options.txt (Name=Value lines for
/// <see cref="PerspectiveParserOptions"/>). To add a case, add a folder; set HIIA_UPDATE_GOLDEN=1 to write
/// expected.txt from the parser's output, then read it before committing.
/// </summary>
public class GoldenFixtureTests
{
    // Codes the parser cannot produce: reported by `hiia check` itself and proven in CheckCommandTests.
    private static readonly string[] CodesProvenElsewhere = [DiagnosticCatalog.FileUnreadable.Code];

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(TestPaths.Fixtures).Order(StringComparer.Ordinal))
            cases.Add(Path.GetFileName(folder));
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_ReportsExactlyItsExpectedDiagnostics(string name)
    {
        var folder = Path.Combine(TestPaths.Fixtures, name);
        var content = File.ReadAllBytes(Path.Combine(folder, "draft.md"));
        var parser = new PerspectiveParser(ReadOptions(folder));

        var result = parser.Parse(new DraftSource("draft.md", content, new FolderDraftAssets(folder)));
        var actual = result.Diagnostics.Select(d => d.ToString()).ToArray();

        var expectedPath = Path.Combine(folder, "expected.txt");
        if (Environment.GetEnvironmentVariable("HIIA_UPDATE_GOLDEN") == "1")
            File.WriteAllText(expectedPath, string.Concat(actual.Select(line => line + "\n")));
        var expected = File.ReadAllLines(expectedPath).Where(line => line.Length > 0).ToArray();

        Assert.Equal(expected, actual);
        Assert.Equal(result.HasErrors, result.Perspective is null);
        foreach (var diagnostic in result.Diagnostics) PositionAssert.InsideFile(diagnostic, content);
        if (name.StartsWith("valid-", StringComparison.Ordinal)) Assert.NotNull(result.Perspective);
    }

    [Fact]
    public void EveryCatalogueCode_HasAFixtureThatProducesIt()
    {
        var missing = CatalogueChecks.WithoutFixture(DiagnosticCatalog.All.Select(d => d.Code), ProducedCodes().Concat(CodesProvenElsewhere));
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryCatalogueCode_HasAFixture_FailsForACodeNoFixtureProduces()
    {
        // The check above must be able to fail: a made-up catalogue with a code no expected.txt prints.
        string[] madeUp = [DiagnosticCatalog.FileTooLarge.Code, "HP0199"];
        Assert.Equal(["HP0199"], CatalogueChecks.WithoutFixture(madeUp, ProducedCodes()));
    }

    private static IEnumerable<string> ProducedCodes() =>
        CatalogueChecks.CodesPrinted(Directory.GetFiles(TestPaths.Fixtures, "expected.txt", SearchOption.AllDirectories).SelectMany(File.ReadAllLines));

    [Fact]
    public void CatalogueCodes_AreUniqueAndEachMessageEndsAsASentence()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToArray();
        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^HP[0-9]{4}$", code));
        Assert.All(DiagnosticCatalog.All, d => Assert.Matches(@"[.?}]$", d.MessageTemplate));
    }

    private static PerspectiveParserOptions ReadOptions(string folder)
    {
        var options = new PerspectiveParserOptions();
        var path = Path.Combine(folder, "options.txt");
        if (!File.Exists(path)) return options;
        foreach (var line in File.ReadAllLines(path).Where(line => line.Contains('=')))
        {
            var (key, value) = (line[..line.IndexOf('=')].Trim(), line[(line.IndexOf('=') + 1)..].Trim());
            options = key switch
            {
                nameof(PerspectiveParserOptions.MaxFileBytes) => options with { MaxFileBytes = long.Parse(value) },
                nameof(PerspectiveParserOptions.MaxNestingDepth) => options with { MaxNestingDepth = int.Parse(value) },
                nameof(PerspectiveParserOptions.MaxFrontMatterBytes) => options with { MaxFrontMatterBytes = int.Parse(value) },
                nameof(PerspectiveParserOptions.MaxLines) => options with { MaxLines = int.Parse(value) },
                nameof(PerspectiveParserOptions.MaxWordLength) => options with { MaxWordLength = int.Parse(value) },
                nameof(PerspectiveParserOptions.MaxLinkScanCost) => options with { MaxLinkScanCost = long.Parse(value) },
                nameof(PerspectiveParserOptions.MaxOpenBrackets) => options with { MaxOpenBrackets = int.Parse(value) },
                nameof(PerspectiveParserOptions.MaxFootnotes) => options with { MaxFootnotes = int.Parse(value) },
                nameof(PerspectiveParserOptions.MaxTableRows) => options with { MaxTableRows = int.Parse(value) },
                nameof(PerspectiveParserOptions.MaxTableColumns) => options with { MaxTableColumns = int.Parse(value) },
                nameof(PerspectiveParserOptions.MaxImagePixels) => options with { MaxImagePixels = long.Parse(value) },
                nameof(PerspectiveParserOptions.MaxTotalImagePixels) => options with { MaxTotalImagePixels = long.Parse(value) },
                nameof(PerspectiveParserOptions.MaxImageFileBytes) => options with { MaxImageFileBytes = long.Parse(value) },
                nameof(PerspectiveParserOptions.MaxRenderEstimateBytes) => options with { MaxRenderEstimateBytes = long.Parse(value) },
                nameof(PerspectiveParserOptions.MaxFootnoteReferences) => options with { MaxFootnoteReferences = int.Parse(value) },
                nameof(PerspectiveParserOptions.MaxImageReferences) => options with { MaxImageReferences = int.Parse(value) },
                nameof(PerspectiveParserOptions.MaxTableCells) => options with { MaxTableCells = int.Parse(value) },
                nameof(PerspectiveParserOptions.MaxDiagnostics) => options with { MaxDiagnostics = int.Parse(value) },
                nameof(PerspectiveParserOptions.LongWordLength) => options with { LongWordLength = int.Parse(value) },
                nameof(PerspectiveParserOptions.MaxLongWordCharacters) => options with { MaxLongWordCharacters = int.Parse(value) },
                nameof(PerspectiveParserOptions.MaxWords) => options with { MaxWords = int.Parse(value) },
                nameof(PerspectiveParserOptions.MaxEmphasisDelimiters) => options with { MaxEmphasisDelimiters = int.Parse(value) },
                nameof(PerspectiveParserOptions.MaxParagraphCharacters) => options with { MaxParagraphCharacters = int.Parse(value) },
                _ => throw new InvalidDataException($"{path}: unknown option '{key}'."),
            };
        }
        return options;
    }
}
