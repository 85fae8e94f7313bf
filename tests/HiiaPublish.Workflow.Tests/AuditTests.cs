using HiiaPublish.Pdf.Audit;
using HiiaPublish.Workflow;

namespace HiiaPublish.Workflow.Tests;

/// <summary>Every render is audited; the summary is kept with the revision, and a failed audit blocks approval and publishing.</summary>
public sealed class AuditTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<(MemoryWorkflow Flow, RevisionRecord Rendered)> RenderedAsync(MemoryWorkflow flow)
    {
        var uploaded = (await flow.Service.UploadAsync(Drafts.Small(), People.Editor, None)).Value!;
        await flow.DrainAsync(WorkQueues.Render);
        return (flow, await flow.RecordAsync(uploaded.Slug, uploaded.Revision));
    }

    [Fact]
    public async Task ARender_RunsTheRealAudit_AndKeepsItsSummary()
    {
        var flow = new MemoryWorkflow(audit: new PdfAuditor());
        flow.Renderer.Pdf = TestPdf.Clean().Edit(1, "/Lang (en-GB) ", "").Build();

        var (_, rendered) = await RenderedAsync(flow);

        var audit = rendered.Audit!;
        Assert.Equal(audit.Total - 1, audit.Passed);
        var failed = Assert.Single(audit.Failed);
        Assert.Equal("11-006", failed.Id);
        Assert.False(rendered.AuditAllows);
    }

    [Fact]
    public async Task ACleanPdf_PassesTheRealAudit_AndIsPublished()
    {
        var flow = new MemoryWorkflow(audit: new PdfAuditor());
        flow.Renderer.Pdf = TestPdf.Clean().Build();
        var (_, rendered) = await RenderedAsync(flow);
        Assert.True(rendered.Audit!.AllPass);

        var approved = await flow.Service.ApproveAsync(rendered.Slug, rendered.Revision, rendered.PreviewSha256, People.CopyEditor, None);
        await flow.DrainAsync(WorkQueues.Publish);

        Assert.Null(approved.Problem);
        Assert.Equal(RevisionState.Published, (await flow.RecordAsync(rendered.Slug, rendered.Revision)).State);
    }

    [Fact]
    public async Task Approving_ARevisionWhoseAuditFailed_IsRefused_NamingTheFailedChecks()
    {
        var flow = new MemoryWorkflow();
        flow.Audit.Failing = ["28-012"];
        var (_, rendered) = await RenderedAsync(flow);

        var problem = (await flow.Service.ApproveAsync(rendered.Slug, rendered.Revision, rendered.PreviewSha256, People.CopyEditor, None)).Problem!;

        Assert.Equal(ProblemKind.Conflict, problem.Kind);
        Assert.Contains("1 of 2 accessibility checks fail: 28-012 (Every link annotation has an alternate description (/Contents))", problem.Detail);
        Assert.Equal(RevisionState.Rendered, (await flow.RecordAsync(rendered.Slug, rendered.Revision)).State);
        Assert.Equal(0, flow.Queue.Count(WorkQueues.Publish));
    }

    [Fact]
    public async Task ThePublishHandler_RefusesARevisionWhoseAuditFailed()
    {
        var flow = new MemoryWorkflow();
        var (_, rendered) = await RenderedAsync(flow);
        // Approved by a record written with a failed audit (as an older build or a hand edit could leave it).
        var stored = await flow.Revisions.GetAsync(rendered.Slug, rendered.Revision, None);
        var failing = rendered with
        {
            State = RevisionState.Approved, ReviewedBy = People.CopyEditor.Id, ApprovedPdfSha256 = rendered.PreviewSha256,
            Audit = new AuditSummary(1, 2, [new AuditFailure("06-002", "XMP declares PDF/UA (pdfuaid:part)", null, "none")]),
        };
        await flow.Revisions.TryReplaceAsync(failing, stored!.ETag, None);
        await flow.Queue.EnqueueAsync(WorkQueues.Publish, new WorkMessage(rendered.Slug, rendered.Revision), None);

        await flow.DrainAsync(WorkQueues.Publish);

        var record = await flow.RecordAsync(rendered.Slug, rendered.Revision);
        Assert.Equal(RevisionState.Failed, record.State);
        Assert.Contains("06-002 (XMP declares PDF/UA (pdfuaid:part))", record.FailureReason);
        Assert.Equal(0, flow.Site.Writes);
    }

    [Fact]
    public void TheSummary_IsBounded()
    {
        var checks = Enumerable.Range(0, 100).Select(i => new AuditCheck($"c{i}", new string('t', 1000), false, 1, null, new string('d', 1000))).ToList();

        var summary = AuditSummary.Of(new AuditReport(checks));

        Assert.Equal(AuditSummary.MaxFailures, summary.Failed.Count);
        Assert.All(summary.Failed, f => Assert.True(f.Title.Length <= AuditSummary.MaxText + 1 && f.Detail.Length <= AuditSummary.MaxText + 1));
    }
}
