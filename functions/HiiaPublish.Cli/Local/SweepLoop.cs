using HiiaPublish.Workflow;

namespace HiiaPublish.Cli.Local;

/// <summary>
/// `hiia serve`'s stand-in for the Functions timer (SweepFunction): the same sweep, once at start (a previous run may
/// have died between a state write and its enqueue) and then every <see cref="WorkflowService.SweepInterval"/>.
/// </summary>
internal static class SweepLoop
{
    public static async Task RunAsync(WorkflowService workflow, TextWriter log, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var sent = await workflow.SweepAsync(stopping);
                if (sent.Count > 0)
                    log.WriteLine($"hiia serve: sent the work of {sent.Count} revision(s) again, left waiting longer than {WorkflowService.StuckAfter.TotalMinutes:0} minutes: {string.Join(", ", sent.Select(m => $"{m.Slug}/{m.Revision[..12]}"))}.");
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Storage down, most likely: the next round tries again; serve itself keeps running.
                log.WriteLine($"hiia serve: the sweep for lost work failed ({exception.Message}); it runs again in {WorkflowService.SweepInterval.TotalMinutes:0} minutes.");
            }
            try { await Task.Delay(WorkflowService.SweepInterval, stopping); }
            catch (OperationCanceledException) { return; }
        }
    }
}
