using System.Collections.Concurrent;

namespace HiiaPublish.Workflow.InMemory;

/// <summary>Kept poison messages in memory, for tests and single-process tools.</summary>
public sealed class InMemoryFailedMessageStore : IFailedMessageStore
{
    private readonly ConcurrentDictionary<(string Queue, string Id), FailedMessage> _kept = new();

    public Task KeepAsync(FailedMessage message, CancellationToken cancellationToken)
    {
        _kept.TryAdd((message.Queue, message.MessageId), message);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FailedMessage>> ListAsync(string queue, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FailedMessage>>(_kept.Values.Where(m => m.Queue == queue)
            .OrderBy(m => m.MessageId, StringComparer.Ordinal).ToArray());
}
