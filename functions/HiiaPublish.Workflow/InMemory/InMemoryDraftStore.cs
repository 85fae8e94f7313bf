using System.Collections.Concurrent;

namespace HiiaPublish.Workflow.InMemory;

/// <summary>Draft files and previews in memory, keyed by the blob names the real store uses.</summary>
public sealed class InMemoryDraftStore : IDraftStore
{
    private readonly ConcurrentDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _blobs.Keys.Order(StringComparer.Ordinal).ToArray();

    public Task PutFileAsync(string slug, string revision, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        _blobs[$"drafts/{slug}/{revision}/{fileName}"] = content.ToArray();
        return Task.CompletedTask;
    }

    public Task<byte[]?> GetFileAsync(string slug, string revision, string fileName, CancellationToken cancellationToken) =>
        Task.FromResult(_blobs.GetValueOrDefault($"drafts/{slug}/{revision}/{fileName}"));

    public Task PutPreviewAsync(string slug, string revision, byte[] pdf, CancellationToken cancellationToken)
    {
        _blobs[$"previews/{slug}/{revision}.pdf"] = pdf.ToArray();
        return Task.CompletedTask;
    }

    public Task<byte[]?> GetPreviewAsync(string slug, string revision, CancellationToken cancellationToken) =>
        Task.FromResult(_blobs.GetValueOrDefault($"previews/{slug}/{revision}.pdf"));
}
