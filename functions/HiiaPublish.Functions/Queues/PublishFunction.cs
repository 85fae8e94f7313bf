using HiiaPublish.Azure.Workflow;
using HiiaPublish.Workflow;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Queues;

/// <summary>Publishes one approved revision to the site with exactly the approved preview bytes.</summary>
public sealed class PublishFunction(WorkflowService workflow)
{
    [Function("Publish")]
    public Task RunAsync([QueueTrigger(WorkQueues.Publish, Connection = StorageEndpoints.WorkflowConnection)] string message, CancellationToken cancellationToken) =>
        workflow.HandlePublishAsync(message, cancellationToken);
}
