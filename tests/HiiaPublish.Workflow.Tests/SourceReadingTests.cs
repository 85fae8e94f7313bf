using HiiaPublish.Workflow;

namespace HiiaPublish.Workflow.Tests;

/// <summary>
/// Who may read a revision's Markdown is the workflow's rule (the same people as for its preview); the review
/// desk's API only maps the answer, with the statuses and sentences it has always given.
/// </summary>
public class SourceReadingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task EditorsAndCopyEditors_ReadTheSourceExactlyAsUploaded_EvenBeforeItIsRendered()
    {
        var (flow, uploaded) = await SourceReading.UploadedAsync();
        foreach (var reader in new[] { People.Editor, People.CopyEditor, People.EditorAndCopyEditor })
            Assert.Equal(Drafts.Small().Source, (await flow.Service.GetSourceAsync(uploaded.Slug, uploaded.Revision, reader, None)).Value);
    }

    [Fact]
    public async Task NobodySignedIn_OrNoReadingRole_OrNoSuchRevision_IsRefusedWithASentence()
    {
        var (flow, uploaded) = await SourceReading.UploadedAsync();
        var anonymous = (await flow.Service.GetSourceAsync(uploaded.Slug, uploaded.Revision, null, None)).Problem!;
        Assert.Equal((ProblemKind.Unauthorized, SourceReading.NoIdentity), (anonymous.Kind, anonymous.Detail));
        var reader = new WorkflowPrincipal("reader-1", "Rita Reader", []);
        var forbidden = (await flow.Service.GetSourceAsync(uploaded.Slug, uploaded.Revision, reader, None)).Problem!;
        Assert.Equal((ProblemKind.Forbidden, "Editors and copy editors only", SourceReading.ReadersOnly), (forbidden.Kind, forbidden.Title, forbidden.Detail));
        foreach (var (slug, revision) in new[] { (uploaded.Slug, new string('a', 64)), ("no-such-paper", uploaded.Revision), ("Bad_Slug", "../../secret") })
        {
            var missing = (await flow.Service.GetSourceAsync(slug, revision, People.Editor, None)).Problem!;
            Assert.Equal((ProblemKind.NotFound, $"There is no such revision of '{slug}'."), (missing.Kind, missing.Detail));
        }
    }
}
