using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Format.Tests.Support;

namespace HiiaPublish.Format.Tests.Format;

/// <summary>The editors' guide explains every code the tools can print, with its severity and title.</summary>
public class EditorsDocTests
{
    private static string[] Guide() =>
        File.ReadAllLines(Path.Combine(TestPaths.ProjectFolder, "..", "..", "docs", "perspective-format.md"));

    [Fact]
    public void EditorsGuide_CompleteExample_IsAValidPaper()
    {
        var lines = Guide();
        var start = Array.IndexOf(lines, "```markdown") + 1;
        var end = Array.IndexOf(lines, "```", start);
        var example = string.Join('\n', lines[start..end]) + "\n";
        var images = new MemoryDraftAssets(new Dictionary<string, byte[]>
        {
            ["images/cover.jpg"] = HiiaPublish.Testing.TestImages.Jpeg(),
            ["images/map.png"] = Drafts.PngBytes,
        });

        var result = Drafts.Parse(example, images);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("from-sanctuary-to-open-war-how-pakistan-soured-on-the-taliban", result.Perspective!.Metadata.Slug);
    }

    [Fact]
    public void EditorsGuide_ListsEveryDiagnosticCode()
    {
        // Every catalogue: the parser's, rendering's, publishing's and the typesetter's (whose sentences HP0203 passes on).
        Assert.Empty(CatalogueChecks.Undocumented(AllCatalogues.Entries.Values.SelectMany(c => c), Guide()));
    }

    [Fact]
    public void EditorsGuide_ListsEveryDiagnosticCode_FailsForACodeItLacksOrGetsWrong()
    {
        // The check above must be able to fail: a made-up code, and a real one with the wrong severity.
        CodeEntry[] madeUp = [new("HP0299", "error", "Made up"), new("HP0201", "warning", "Character missing from the font"), new("HP0202", "error", "Image cannot be read")];
        Assert.Equal(madeUp[..2], CatalogueChecks.Undocumented(madeUp, Guide()));
    }
}
