using HiiaPublish.Core.Workflow;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Queues;

/// <summary>A render that failed every attempt: the revision is marked failed with the reason; the message text is kept on the revision.</summary>
public sealed class RenderPoisonFunction(WorkflowService workflow)
{
    [Function("RenderPoison")]
    public Task RunAsync([QueueTrigger(WorkQueues.Render + WorkQueues.PoisonSuffix, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) =>
        workflow.HandlePoisonAsync(WorkQueues.Render + WorkQueues.PoisonSuffix, message, cancellationToken);
}
