using System.Collections.Concurrent;
using Azure.Storage.Queues;
using HiiaPublish.Workflow;

namespace HiiaPublish.Azure.Workflow;

/// <summary>The `render` and `publish` Storage queues; messages are Base64, as the Functions queue trigger expects.</summary>
public sealed class QueueWorkQueue(QueueServiceClient service) : IWorkQueue
{
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new(StringComparer.Ordinal);

    public async Task EnqueueAsync(string queue, WorkMessage message, CancellationToken cancellationToken)
    {
        var client = await QueueAsync(queue).WaitAsync(cancellationToken);
        await client.SendMessageAsync(message.ToJson(), cancellationToken);
    }

    public Task<QueueClient> QueueAsync(string name) => _queues.GetOrAdd(name, n => new Lazy<Task<QueueClient>>(async () =>
    {
        var client = service.GetQueueClient(n);
        await client.CreateIfNotExistsAsync();
        return client;
    })).Value;

    /// <summary>Client options every queue client of the app uses: Base64 bodies, as the Functions trigger reads them.</summary>
    public static QueueClientOptions Options() => new() { MessageEncoding = QueueMessageEncoding.Base64 };
}
