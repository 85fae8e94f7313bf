using HiiaPublish.Workflow;

namespace HiiaPublish.Workflow.Tests;

/// <summary>
/// Who may read a revision's Markdown is the workflow's rule (the same people as for its preview); the review
/// desk's API only maps the answer, with the statuses and sentences it has always given.
/// </summary>
public class SourceReadingTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string ReadersOnly = "Drafts are visible to people with the Editor or CopyEditor role; ask an administrator to give you one.";
    private const string NoIdentity = "Sign in with your institute account; the request carried no identity the app trusts.";

    private static async Task<(MemoryWorkflow Flow, RevisionRecord Uploaded)> UploadedAsync()
    {
        var flow = new MemoryWorkflow();
        var uploaded = (await flow.Service.UploadAsync(Drafts.Small(), People.Editor, None)).Value!;
        return (flow, uploaded);
    }

    [Fact]
    public async Task EditorsAndCopyEditors_ReadTheSourceExactlyAsUploaded_EvenBeforeItIsRendered()
    {
        var (flow, uploaded) = await UploadedAsync();
        foreach (var reader in new[] { People.Editor, People.CopyEditor, People.EditorAndCopyEditor })
            Assert.Equal(Drafts.Small().Source, (await flow.Service.GetSourceAsync(uploaded.Slug, uploaded.Revision, reader, None)).Value);
    }

    [Fact]
    public async Task NobodySignedIn_OrNoReadingRole_OrNoSuchRevision_IsRefusedWithASentence()
    {
        var (flow, uploaded) = await UploadedAsync();
        var anonymous = (await flow.Service.GetSourceAsync(uploaded.Slug, uploaded.Revision, null, None)).Problem!;
        Assert.Equal((ProblemKind.Unauthorized, NoIdentity), (anonymous.Kind, anonymous.Detail));
        var reader = new WorkflowPrincipal("reader-1", "Rita Reader", []);
        var forbidden = (await flow.Service.GetSourceAsync(uploaded.Slug, uploaded.Revision, reader, None)).Problem!;
        Assert.Equal((ProblemKind.Forbidden, "Editors and copy editors only", ReadersOnly), (forbidden.Kind, forbidden.Title, forbidden.Detail));
        foreach (var (slug, revision) in new[] { (uploaded.Slug, new string('a', 64)), ("no-such-paper", uploaded.Revision), ("Bad_Slug", "../../secret") })
        {
            var missing = (await flow.Service.GetSourceAsync(slug, revision, People.Editor, None)).Problem!;
            Assert.Equal((ProblemKind.NotFound, $"There is no such revision of '{slug}'."), (missing.Kind, missing.Detail));
        }
    }
}
