using HiiaPublish.Azure.Workflow;
using HiiaPublish.Workflow;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Queues;

/// <summary>Renders one uploaded revision into its preview; a throw means "deliver again" (host.json: 5 attempts).</summary>
public sealed class RenderFunction(WorkflowService workflow)
{
    [Function("Render")]
    public Task RunAsync([QueueTrigger(WorkQueues.Render, Connection = StorageEndpoints.WorkflowConnection)] string message, CancellationToken cancellationToken) =>
        workflow.HandleRenderAsync(message, cancellationToken);
}
