using HiiaPublish.Workflow;

namespace HiiaPublish.Testing;

/// <summary>
/// What the source-reading tests share: the workflow's sentences they expect (the workflow's rule, tested in
/// Workflow.Tests, and its HTTP mapping, tested in Functions.Tests, must say the same), and a paper just uploaded.
/// </summary>
public static class SourceReading
{
    public const string ReadersOnly = "Drafts are visible to people with the Editor or CopyEditor role; ask an administrator to give you one.";
    public const string NoIdentity = "Sign in with your institute account; the request carried no identity the app trusts.";

    /// <summary>A fresh in-memory workflow holding the small draft, uploaded by the editor and not yet rendered.</summary>
    public static async Task<(MemoryWorkflow Flow, RevisionRecord Uploaded)> UploadedAsync()
    {
        var flow = new MemoryWorkflow();
        var uploaded = (await flow.Service.UploadAsync(Drafts.Small(), People.Editor, CancellationToken.None)).Value!;
        return (flow, uploaded);
    }
}
