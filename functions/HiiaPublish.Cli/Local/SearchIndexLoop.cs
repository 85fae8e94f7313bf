using HiiaPublish.Azure.Search;

namespace HiiaPublish.Cli.Local;

/// <summary>
/// `hiia serve`'s stand-in for the Functions timer (SearchIndexFunction): the same index step over the local site,
/// once at start and then every <see cref="Interval"/>, so the site served at /site/ has search as the deployed one
/// does. Publishes index their own pages as they end (WorkflowService); this loop builds the first base, folds
/// segments, and catches up with what a publish left.
/// </summary>
internal static class SearchIndexLoop
{
    /// <summary>The Functions timer's five minutes would leave a first publish unsearchable for that long on a laptop; a run with nothing to do is one listing.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(SiteSearchIndexer indexer, TextWriter log, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var run = await indexer.RunAsync(stopping);
                if (run.Outcome is not SearchIndexOutcome.Unchanged)
                    log.WriteLine($"hiia serve: {run.Message}.");
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Storage down, most likely: the next round tries again; serve itself keeps running.
                log.WriteLine($"hiia serve: building the search index failed ({exception.Message}); it is tried again in {Interval.TotalSeconds:0} seconds.");
            }
            try { await Task.Delay(Interval, stopping); }
            catch (OperationCanceledException) { return; }
        }
    }
}
