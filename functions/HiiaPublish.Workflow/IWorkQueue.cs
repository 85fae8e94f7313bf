namespace HiiaPublish.Workflow;

/// <summary>The render and publish queues. A message may be delivered more than once; handlers make that harmless.</summary>
public interface IWorkQueue
{
    Task EnqueueAsync(string queue, WorkMessage message, CancellationToken cancellationToken);
}
