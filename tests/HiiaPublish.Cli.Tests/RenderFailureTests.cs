using HiiaPublish.Cli;
using HiiaPublish.Cli.Commands;
using HiiaPublish.Format;
using HiiaPublish.Rendering;

namespace HiiaPublish.Cli.Tests;

/// <summary>A fault in HiiaPublish while rendering one draft of a folder: said against that draft, and the rest still render.</summary>
public sealed class RenderFailureTests : IDisposable
{
    private const string Draft = "---\ntitle: TITLE\ndate: 2026-04-21\nauthors: [Anna Kovács]\nabstract: Short.\n---\n\n## One\n\nText.\n";
    private static readonly byte[] FakePdf = "%PDF-1.7\n%%EOF\n"u8.ToArray();
    private readonly string _root = Directory.CreateTempSubdirectory("hiia-render-fault-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task AFaultWhileRendering_IsReportedAgainstThatDraft_WithWhatToDo_AndTheOthersStillRender()
    {
        var input = Directory.CreateDirectory(Path.Combine(_root, "in")).FullName;
        foreach (var name in new[] { "a", "b", "c" })
            await File.WriteAllTextAsync(Path.Combine(input, $"{name}.md"), Draft.Replace("TITLE", $"Paper {name}"));
        var drafts = new DraftRenderer(new PerspectiveParser().Parse, (paper, _, _, _) => paper.Metadata.Title == "Paper b"
            ? throw new InvalidOperationException("the line breaker found no feasible break")
            : new RenderResult(FakePdf, 1, []));
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await new RenderCommand(drafts).RunAsync([input, "-o", Path.Combine(_root, "out")], stdout, stderr);

        var (output, error) = (stdout.ToString(), stderr.ToString());
        Assert.Equal(CommandLine.InputHasErrors, exit);
        Assert.Contains("b.md: not rendered; HiiaPublish failed on it (InvalidOperationException in HiiaPublish.", error);
        Assert.Contains(": the line breaker found no feasible break). This is a fault in HiiaPublish, not in the draft", error);
        Assert.Contains("report it with this draft and its images attached.", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Contains("2 of 3 rendered, 1 stopped by errors.", output);
        Assert.DoesNotContain("b.md", output);
        Assert.True(File.Exists(Path.Combine(_root, "out", "a.pdf")));
        Assert.False(File.Exists(Path.Combine(_root, "out", "b.pdf")));
        Assert.True(File.Exists(Path.Combine(_root, "out", "c.pdf")));
    }
}
