using HiiaPublish.Azure.Search;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace HiiaPublish.Functions.Timers;

/// <summary>
/// Keeps the deployed site's search index (`$web/pagefind/` and its segments) up to date with the paper pages in
/// `$web` (SiteSearchIndexer). Each publish indexes its own pages as a segment as it ends; this timer catches what a
/// publish left (its update skipped or failed, a withdrawn page) and folds the segments into a new base once they pass
/// their bounds, which takes Pagefind over the whole site (most of a minute at 5,000 papers), so never a publish's
/// time. The Functions host runs a timer trigger on one instance at a time, and every update takes the index's lock.
/// </summary>
public sealed class SearchIndexFunction(SiteSearchIndexer indexer, ILogger<SearchIndexFunction> logger)
{
    /// <summary>
    /// Every five minutes: a paper whose publish could not index it is searchable within five minutes of its page
    /// (which the page's own five-minute cache already allows for), and a run with nothing to do costs one listing
    /// call and one read of the manifest.
    /// </summary>
    public const string Schedule = "0 */5 * * * *";

    [Function("SearchIndex")]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var run = await indexer.RunAsync(cancellationToken);
        // A failed build has been logged as an error by the indexer; the host's invocation span records the outcome.
        if (run.Outcome is SearchIndexOutcome.CleanedUp)
            logger.LogInformation("{Message}", run.Message);
    }
}
