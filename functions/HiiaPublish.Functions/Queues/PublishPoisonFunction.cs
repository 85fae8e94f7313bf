using HiiaPublish.Core.Workflow;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Queues;

/// <summary>A publish that failed every attempt: the revision is marked failed with the reason; the message text is kept on the revision.</summary>
public sealed class PublishPoisonFunction(WorkflowService workflow)
{
    [Function("PublishPoison")]
    public Task RunAsync([QueueTrigger(WorkQueues.Publish + WorkQueues.PoisonSuffix, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken) =>
        workflow.HandlePoisonAsync(WorkQueues.Publish + WorkQueues.PoisonSuffix, message, cancellationToken);
}
