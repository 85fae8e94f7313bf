using System.Text;
using HiiaPublish.Format.Diagnostics;
using HiiaPublish.Format;
using HiiaPublish.Format.Tests.Support;

namespace HiiaPublish.Format.Tests.Format;

/// <summary>Inputs built to hurt a parser (rows 18 and 20 of the reliability table): each ends as diagnostics, never a crash.</summary>
public class PathologicalInputTests
{
    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    public static TheoryData<string, string> Cases() => new()
    {
        { "brackets in the front matter", "---\nkeywords: " + Repeat("[", 10_000) + "\n---\n\nText.\n" },
        { "quote markers", Drafts.Header() + Repeat("> ", 10_000) + "deep\n" },
        { "list markers", Drafts.Header() + Repeat("- ", 10_000) + "deep\n" },
        { "open brackets", Drafts.Header() + Repeat("[", 50_000) + "\n" },
        { "emphasis", Drafts.Header() + Repeat("*a ", 20_000) + Repeat(" a*", 20_000) + "\n" },
        { "link openers", Drafts.Header() + Repeat("[a](", 20_000) + "\n" },
        { "footnote soup", Drafts.Header() + Repeat("[^x]", 20_000) + "\n\n" + Repeat("[^x]: a\n", 1_000) },
        { "backticks", Drafts.Header() + Repeat("`", 50_000) + "\n" },
        { "NUL bytes", Drafts.Header() + "Text\0with\0NULs.\n" },
        { "a huge line", Drafts.Header() + new string('a', 1_000_000) + "\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void HostileDraft_EndsAsDiagnosticsInsideTheFile(string name, string draft)
    {
        var content = Encoding.UTF8.GetBytes(draft);
        var result = Drafts.Parser.Parse(new DraftSource(name, content, MemoryDraftAssets.None));

        foreach (var diagnostic in result.Diagnostics) PositionAssert.InsideFile(diagnostic, content);
        Assert.Equal(result.HasErrors, result.Perspective is null);
    }

    [Fact]
    public void AliasBomb_IsRefusedAtItsAliases()
    {
        var bomb = new StringBuilder("---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level < 10; level++)
            bomb.Append($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 9))}]\n");
        bomb.Append("---\n\nText.\n");

        var result = Drafts.Parse(bomb.ToString());

        Assert.Null(result.Perspective);
        Assert.Equal(10 + 9 * 9, result.Diagnostics.Count(d => d.Code == DiagnosticCatalog.YamlAnchorOrAlias.Code));
    }

    [Fact]
    public void FileAtTheSizeLimit_IsRead_AndOneByteMoreIsRefused()
    {
        var draft = Encoding.UTF8.GetBytes(Drafts.Header() + "Text.\n");
        var atLimit = new PerspectiveParser(new PerspectiveParserOptions { MaxFileBytes = draft.Length });
        var belowLimit = new PerspectiveParser(new PerspectiveParserOptions { MaxFileBytes = draft.Length - 1 });

        Assert.NotNull(atLimit.Parse(new DraftSource("draft.md", draft, MemoryDraftAssets.None)).Perspective);
        var refused = belowLimit.Parse(new DraftSource("draft.md", draft, MemoryDraftAssets.None));
        Assert.Equal([DiagnosticCatalog.FileTooLarge.Code], refused.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void ProblemsEverywhere_AreReportedTogether_ErrorsBeforeWarnings()
    {
        var result = Drafts.Parse("---\ntitel: x\ndate: someday\nauthors: [A]\nabstract: B\n---\n\n# Title\n\nText[^1] <b>x</b>.\n");

        Assert.Equal(["HP0012", "HP0016", "HP0031", "HP0041", "HP0015", "HP0035", "HP0035"], result.Diagnostics.Select(d => d.Code));
    }
}
