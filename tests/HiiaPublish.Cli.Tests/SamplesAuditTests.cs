using HiiaPublish.Format;
using HiiaPublish.Format.Branding;
using HiiaPublish.Pdf.Audit;
using HiiaPublish.Rendering;

namespace HiiaPublish.Cli.Tests;

/// <summary>
/// Both samples, and the paper made to exercise every structure we write (a table, a figure, lists, long notes,
/// hyphenated words, links), rendered through the one draft-to-PDF path, pass every check of the audit; a failure
/// names each check still failing.
/// </summary>
public sealed class SamplesAuditTests
{
    private static readonly Lazy<DraftRenderer> Drafts = new(() => new DraftRenderer(new PerspectiveParser(), new PerspectiveRenderer(TemplatesLocator.Find())));

    [Theory]
    [InlineData("middle-corridor")]
    [InlineData("kozep-europai-energiabiztonsag")]
    [InlineData("accessible-paper")]
    public void TheSample_PassesTheAudit(string sample)
    {
        var folder = sample == "accessible-paper"
            ? Path.Combine(RepositoryPaths.RepositoryRoot, "tests", "HiiaPublish.Rendering.Tests", "Fixtures", sample)
            : RepositoryPaths.Sample(sample);
        var path = Directory.GetFiles(folder, "*.md").Single(f => !f.EndsWith("README.md", StringComparison.Ordinal));
        var rendered = Drafts.Value.Render(new DraftSource(path, File.ReadAllBytes(path), new FolderDraftAssets(folder)));
        Assert.NotNull(rendered.Pdf);

        var report = new PdfAuditor().Audit(rendered.Pdf);

        Assert.True(report.IsReadable, report.Unreadable);
        // Every failed check on its own line, untruncated, so the failure says exactly what is left to fix.
        Assert.True(report.Passed, "Failed checks:\n" + string.Join("\n", report.Failed.Select(c => $"{c.Id} (page {c.Page}, {c.ObjectRef}): {c.Detail}")));
    }
}
