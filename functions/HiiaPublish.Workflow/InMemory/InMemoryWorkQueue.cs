using System.Collections.Concurrent;

namespace HiiaPublish.Workflow.InMemory;

/// <summary>Queues in memory: messages are kept as the JSON text a real queue carries, in arrival order.</summary>
public sealed class InMemoryWorkQueue : IWorkQueue
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _queues = new(StringComparer.Ordinal);

    public Task EnqueueAsync(string queue, WorkMessage message, CancellationToken cancellationToken)
    {
        _queues.GetOrAdd(queue, _ => new ConcurrentQueue<string>()).Enqueue(message.ToJson());
        return Task.CompletedTask;
    }

    public bool TryDequeue(string queue, out string message)
    {
        message = "";
        return _queues.TryGetValue(queue, out var messages) && messages.TryDequeue(out message!);
    }

    public int Count(string queue) => _queues.TryGetValue(queue, out var messages) ? messages.Count : 0;
}
