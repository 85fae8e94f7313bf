using HiiaPublish.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace HiiaPublish.Functions.Timers;

/// <summary>
/// Every five minutes (WorkflowService.SweepInterval), sends again the work of revisions whose queue message was lost
/// (issue 15). Idempotent, so an overlapping or repeated run only sends messages the handlers ignore.
/// </summary>
public sealed class SweepFunction(WorkflowService workflow, ILogger<SweepFunction> logger)
{
    [Function("Sweep")]
    public async Task RunAsync([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var sent = await workflow.SweepAsync(cancellationToken);
        if (sent.Count > 0)
            logger.LogWarning("The sweep sent the work of {Count} revisions again, left waiting longer than {Age}: {Revisions}",
                sent.Count, WorkflowService.StuckAfter, string.Join(", ", sent.Select(m => $"{m.Slug}/{m.Revision[..12]}")));
    }
}
