namespace HiiaPublish.Workflow;

/// <summary>
/// The private files of the workflow: each revision's source and images (drafts/{slug}/{revision}/{file})
/// and its preview PDF (previews/{slug}/{revision}.pdf). Never the public site. A revision's files are
/// content-addressed by the revision id, so writing them again writes the same bytes.
/// </summary>
public interface IDraftStore
{
    Task PutFileAsync(string slug, string revision, string fileName, byte[] content, CancellationToken cancellationToken);

    /// <summary>The file's bytes, or null when it is missing.</summary>
    Task<byte[]?> GetFileAsync(string slug, string revision, string fileName, CancellationToken cancellationToken);

    Task PutPreviewAsync(string slug, string revision, byte[] pdf, CancellationToken cancellationToken);

    Task<byte[]?> GetPreviewAsync(string slug, string revision, CancellationToken cancellationToken);
}
