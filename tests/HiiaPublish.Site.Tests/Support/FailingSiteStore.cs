using HiiaPublish.Site.Storage;

namespace HiiaPublish.Site.Tests.Support;

/// <summary>Passes everything to an inner store but crashes on the Nth write (1-based), as a dying worker would.</summary>
public sealed class FailingSiteStore(ISiteStore inner, int failOnWrite) : ISiteStore
{
    private int _writes;

    public Task<SiteObject?> ReadAsync(string path, CancellationToken cancellationToken) => inner.ReadAsync(path, cancellationToken);

    public Task<SiteObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken) => inner.GetInfoAsync(path, cancellationToken);

    public Task<SiteWriteResult> WriteAsync(string path, byte[] content, SiteObjectProperties properties, WriteCondition condition, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _writes) == failOnWrite
            ? throw new InjectedFailureException($"Injected failure on write {failOnWrite} ({path}).")
            : inner.WriteAsync(path, content, properties, condition, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
}

public sealed class InjectedFailureException(string message) : Exception(message);
