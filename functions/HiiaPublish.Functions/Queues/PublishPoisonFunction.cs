using HiiaPublish.Azure.Workflow;
using HiiaPublish.Workflow;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Queues;

/// <summary>
/// A publish that failed every attempt. Consuming the poison message removes it from the queue, so the handler
/// first keeps it (the `failed` container, under this message's id), then marks the revision failed with the reason.
/// The `id` parameter is the queue message id from the trigger's metadata, bound by name.
/// </summary>
public sealed class PublishPoisonFunction(WorkflowService workflow)
{
    [Function("PublishPoison")]
    public Task RunAsync([QueueTrigger(WorkQueues.Publish + WorkQueues.PoisonSuffix, Connection = StorageEndpoints.WorkflowConnection)] string message, string? id,
        CancellationToken cancellationToken) =>
        workflow.HandlePoisonAsync(WorkQueues.Publish + WorkQueues.PoisonSuffix, id, message, cancellationToken);
}
