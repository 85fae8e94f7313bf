using HiiaPublish.Format;
using HiiaPublish.Rendering.Tests.Samples;

namespace HiiaPublish.Rendering.Tests;

/// <summary>
/// Golden cases for what rendering reports (HP02xx), in the manner of the parser's fixtures: every folder under
/// Fixtures/ holds draft.md (and the pictures it names), which must parse without errors, and expected.txt with
/// the exact diagnostics the render returns, in the order it returns them (empty for a clean paper). A render
/// with an error yields no PDF; one with only warnings still does. Set HIIA_UPDATE_GOLDEN=1 to write
/// expected.txt from the renderer's output, then read it before committing. Every code of
/// <see cref="RenderDiagnosticCatalog"/> must appear in at least one expected.txt.
/// </summary>
public class RenderFixtureTests
{
    private static string Fixtures => Path.Combine(RepositoryPaths.RepositoryRoot, "tests", "HiiaPublish.Rendering.Tests", "Fixtures");

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Fixtures).Order(StringComparer.Ordinal))
            cases.Add(Path.GetFileName(folder));
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_RendersWithExactlyItsExpectedDiagnostics(string name)
    {
        var folder = Path.Combine(Fixtures, name);
        var assets = new FolderDraftAssets(folder);
        var parsed = new PerspectiveParser().Parse(new DraftSource("draft.md", File.ReadAllBytes(Path.Combine(folder, "draft.md")), assets));
        Assert.False(parsed.HasErrors, string.Join(Environment.NewLine, parsed.Diagnostics));

        var result = RenderedSample.Renderer.Render(parsed.Perspective!, assets, "draft.md");
        var actual = result.Diagnostics.Select(d => d.ToString()).ToArray();

        var expectedPath = Path.Combine(folder, "expected.txt");
        if (Environment.GetEnvironmentVariable("HIIA_UPDATE_GOLDEN") == "1")
            File.WriteAllText(expectedPath, string.Concat(actual.Select(line => line + "\n")));
        var expected = File.ReadAllLines(expectedPath).Where(line => line.Length > 0).ToArray();

        Assert.Equal(expected, actual);
        Assert.Equal(result.Diagnostics.Any(d => d.Severity == Format.Diagnostics.Severity.Error), result.Pdf is null);
    }

    [Fact]
    public void EveryRenderCode_HasAFixtureThatProducesIt()
    {
        // HP0202: the check reads every image in full (HP0070), so only a file changed between check and render gets
        // here; RenderInputCostTests proves it.
        string[] provenElsewhere = [RenderDiagnosticCatalog.UnreadableImage.Code];
        Assert.Empty(CatalogueChecks.WithoutFixture(RenderDiagnosticCatalog.All.Select(d => d.Code), ProducedCodes().Concat(provenElsewhere)));
    }

    [Fact]
    public void EveryRenderCode_HasAFixture_FailsForACodeNoFixtureProduces()
    {
        // The check above must be able to fail: a made-up catalogue with a code no expected.txt prints.
        string[] madeUp = [RenderDiagnosticCatalog.MissingGlyph.Code, "HP0299"];
        Assert.Equal(["HP0299"], CatalogueChecks.WithoutFixture(madeUp, ProducedCodes()));
    }

    private static IEnumerable<string> ProducedCodes() =>
        CatalogueChecks.CodesPrinted(Directory.GetFiles(Fixtures, "expected.txt", SearchOption.AllDirectories).SelectMany(File.ReadAllLines));
}
