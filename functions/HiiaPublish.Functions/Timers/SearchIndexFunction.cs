using HiiaPublish.Azure.Search;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace HiiaPublish.Functions.Timers;

/// <summary>
/// Keeps the deployed site's search index (`$web/pagefind/`) up to date with the paper pages in `$web`
/// (SiteSearchIndexer). A timer rather than a step of each publish: Pagefind over 5,000 papers takes most of a
/// minute, so publishes between two runs share one build, and a publish never waits for it. The Functions host runs
/// a timer trigger on one instance at a time, so two builds never race.
/// </summary>
public sealed class SearchIndexFunction(SiteSearchIndexer indexer, ILogger<SearchIndexFunction> logger)
{
    /// <summary>
    /// Every five minutes: a new paper is searchable within five minutes of its page (which the page's own five-minute
    /// cache already allows for), and a run with nothing changed costs one listing call.
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
