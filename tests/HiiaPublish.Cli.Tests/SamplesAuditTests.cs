using HiiaPublish.Format;
using HiiaPublish.Format.Branding;
using HiiaPublish.Pdf.Audit;
using HiiaPublish.Rendering;

namespace HiiaPublish.Cli.Tests;

/// <summary>
/// Both samples, rendered through the one draft-to-PDF path, pass every check of the audit. Until issue 16's PDF
/// changes (Print flags, /Tabs /S, Link elements, Note IDs, TH scopes, pdfuaid) are merged, this fails and names
/// the checks that still fail.
/// </summary>
public sealed class SamplesAuditTests
{
    private static readonly Lazy<DraftRenderer> Drafts = new(() => new DraftRenderer(new PerspectiveParser(), new PerspectiveRenderer(TemplatesLocator.Find())));

    [Theory]
    [InlineData("middle-corridor")]
    [InlineData("kozep-europai-energiabiztonsag")]
    public void TheSample_PassesTheAudit(string sample)
    {
        var path = RepositoryPaths.Sample(sample, $"{sample}.md");
        var rendered = Drafts.Value.Render(new DraftSource(path, File.ReadAllBytes(path), new FolderDraftAssets(RepositoryPaths.Sample(sample))));
        Assert.NotNull(rendered.Pdf);

        var report = new PdfAuditor().Audit(rendered.Pdf);

        Assert.True(report.IsReadable, report.Unreadable);
        // Every failed check on its own line, untruncated, so the failure says exactly what is left to fix.
        Assert.True(report.Passed, "Failed checks:\n" + string.Join("\n", report.Failed.Select(c => $"{c.Id} (page {c.Page}, {c.ObjectRef}): {c.Detail}")));
    }
}
