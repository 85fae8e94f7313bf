using HiiaPublish.Site.Storage;

namespace HiiaPublish.Testing;

/// <summary>
/// Pauses before every read and write so that concurrent publishers really interleave between reading the
/// catalogue and writing it back, as they do against a remote store; without it a fast store lets them run
/// one after another and a lost update could go unnoticed.
/// </summary>
public sealed class InterleavingSiteStore(ISiteStore inner) : ISiteStore
{
    private static Task Pause(CancellationToken cancellationToken) => Task.Delay(2, cancellationToken);

    public async Task<SiteObject?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var result = await inner.ReadAsync(path, cancellationToken);
        await Pause(cancellationToken);
        return result;
    }

    public async Task<SiteObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken)
    {
        await Pause(cancellationToken);
        return await inner.GetInfoAsync(path, cancellationToken);
    }

    public async Task<SiteWriteResult> WriteAsync(string path, byte[] content, SiteObjectProperties properties, WriteCondition condition, CancellationToken cancellationToken)
    {
        await Pause(cancellationToken);
        return await inner.WriteAsync(path, content, properties, condition, cancellationToken);
    }

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
}
