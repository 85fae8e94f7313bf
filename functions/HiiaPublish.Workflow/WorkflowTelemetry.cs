using System.Diagnostics;
using System.Diagnostics.Metrics;
using HiiaPublish.Format;
using HiiaPublish.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HiiaPublish.Workflow;

/// <summary>
/// What the workflow tells an operator: a trace span per step (upload, check, render, approve, request changes,
/// publish, poison) tagged with the draft's slug and revision, a log line when a step starts and ends, and the
/// render time and page count as metrics. BCL types only (ActivitySource, Meter): the workflow does not know who
/// listens; the Functions app exports them to Azure Monitor with OpenTelemetry, `hiia serve` prints the logs.
/// </summary>
public static class WorkflowTelemetry
{
    /// <summary>The name of the ActivitySource and of the Meter; a host subscribes to this name.</summary>
    public const string SourceName = "HiiaPublish.Workflow";

    public const string SlugTag = "hiia.slug";
    public const string RevisionTag = "hiia.revision";
    public const string OutcomeTag = "hiia.outcome";

    public const string RenderDurationMetric = "hiia.render.duration";
    public const string RenderPagesMetric = "hiia.render.pages";
    public const string PoisonedMetric = "hiia.workflow.poisoned";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);

    private static readonly Histogram<double> RenderDuration = Meter.CreateHistogram<double>(RenderDurationMetric, "ms",
        "How long typesetting one revision took, from the parsed paper to the PDF's bytes.");
    private static readonly Histogram<int> RenderPages = Meter.CreateHistogram<int>(RenderPagesMetric, "{page}",
        "How many pages a rendered PDF has.");
    private static readonly Counter<long> Poisoned = Meter.CreateCounter<long>(PoisonedMetric, "{message}",
        "Messages that failed every attempt and reached a poison queue.");

    public static WorkflowStep StartUpload(ILogger? logger, DraftFiles files) =>
        WorkflowStep.Start(logger, "upload", DraftNames.SlugFromFileName(files.SourceFile), files.RevisionId());

    public static WorkflowStep StartRender(ILogger? logger, string message) => StartFromMessage(logger, "render", message);

    public static WorkflowStep StartPublish(ILogger? logger, string message) => StartFromMessage(logger, "publish", message);

    public static WorkflowStep StartPoison(ILogger? logger, string queueName, string message)
    {
        Poisoned.Add(1, new KeyValuePair<string, object?>("hiia.queue", queueName));
        var step = StartFromMessage(logger, "poison", message);
        step.Activity?.SetTag("hiia.queue", queueName);
        return step;
    }

    public static WorkflowStep StartApprove(ILogger? logger, string slug, string revision) => WorkflowStep.Start(logger, "approve", slug, revision);

    public static WorkflowStep StartRequestChanges(ILogger? logger, string slug, string revision) =>
        WorkflowStep.Start(logger, "request-changes", slug, revision);

    /// <summary>The parser, checked in a span of its own: the `check` step, inside an upload or a render.</summary>
    public static Func<DraftSource, ParseResult> Checking(Func<DraftSource, ParseResult> parse) => source =>
    {
        using var activity = Source.StartActivity("check");
        var result = parse(source);
        var slug = result.Perspective?.Metadata.Slug;
        if (activity is not null)
        {
            activity.SetTag(SlugTag, slug);
            activity.SetTag("hiia.errors", result.Diagnostics.Count(d => d.Severity == Format.Diagnostics.Severity.Error));
            activity.SetTag(OutcomeTag, result.HasErrors ? "invalid" : "valid");
            // An upload learns its slug only here, from the front matter: the upload span gets it too.
            if (slug is not null && activity.Parent is { OperationName: "upload" } upload) upload.SetTag(SlugTag, slug);
        }
        return result;
    };

    /// <summary>The typesetter, timed: render time and pages are recorded for every PDF made.</summary>
    public static Func<Perspective, IDraftAssets, string, CancellationToken, RenderResult> Typesetting(
        Func<Perspective, IDraftAssets, string, CancellationToken, RenderResult> render) => (perspective, assets, file, cancellationToken) =>
    {
        using var activity = Source.StartActivity("typeset");
        activity?.SetTag(SlugTag, perspective.Metadata.Slug);
        var clock = Stopwatch.StartNew();
        var result = render(perspective, assets, file, cancellationToken);
        var outcome = result.Pdf is null ? "invalid" : "rendered";
        RenderDuration.Record(clock.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>(OutcomeTag, outcome));
        if (result.Pdf is not null) RenderPages.Record(result.PageCount);
        activity?.SetTag("hiia.pages", result.PageCount);
        activity?.SetTag(OutcomeTag, outcome);
        return result;
    };

    /// <summary>The upload could not read the site's catalogue to check a slug against it, and went on without.</summary>
    public static void CatalogueUnreadable(ILogger? logger, string slug, Exception exception) =>
        (logger ?? NullLogger.Instance).LogWarning(exception, "The upload of {Slug} could not read the site's catalogue, so its slug was not checked against the published papers: {Error}",
            slug, exception.Message);

    /// <summary>What the search index made of a publish's pages (indexed, or left to its timer, and why).</summary>
    public static void SearchUpdated(ILogger? logger, WorkMessage work, string message) =>
        (logger ?? NullLogger.Instance).LogInformation("Publish of {Slug} revision {Revision}: {Search}", work.Slug, work.Revision, message);

    /// <summary>The paper is published but the search index could not take it in now; its timer will.</summary>
    public static void SearchNotUpdated(ILogger? logger, WorkMessage work, Exception exception) =>
        (logger ?? NullLogger.Instance).LogWarning(exception,
            "{Slug} revision {Revision} is published, but the search index could not take it in ({Error}); the search index timer's next run does",
            work.Slug, work.Revision, exception.Message);

    /// <summary>A step's fault (the queue retries it): the span says error, and the log keeps the exception.</summary>
    public static void Failed(ILogger? logger, WorkMessage work, Exception exception)
    {
        if (Activity.Current is { } activity && activity.Source == Source)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity.AddException(exception);
        }
        (logger ?? NullLogger.Instance).LogWarning(exception, "Step {Step} of {Slug} revision {Revision} failed; the queue will retry it: {Error}",
            Activity.Current?.OperationName, work.Slug, work.Revision, exception.Message);
    }

    private static WorkflowStep StartFromMessage(ILogger? logger, string step, string message)
    {
        var work = WorkMessage.TryParse(message);
        return WorkflowStep.Start(logger, step, work?.Slug, work?.Revision);
    }

    /// <summary>One step in flight: its span, its log scope and its clock. Disposing it ends all three and logs how it went.</summary>
    public sealed class WorkflowStep : IDisposable
    {
        private readonly ILogger _logger;
        private readonly IDisposable? _scope;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly string _step;
        private readonly string? _slug;
        private readonly string? _revision;

        private WorkflowStep(ILogger logger, string step, string? slug, string? revision)
        {
            (_logger, _step, _slug, _revision) = (logger, step, slug, revision);
            Activity = Source.StartActivity(step);
            Activity?.SetTag(SlugTag, slug);
            Activity?.SetTag(RevisionTag, revision);
            _scope = logger.BeginScope(new Dictionary<string, object?> { [SlugTag] = slug, [RevisionTag] = revision });
            logger.LogInformation("Step {Step} of {Slug} revision {Revision} started", step, slug, revision);
        }

        /// <summary>The span, or null when nobody listens (no exporter, no test).</summary>
        public Activity? Activity { get; }

        internal static WorkflowStep Start(ILogger? logger, string step, string? slug, string? revision) =>
            new(logger ?? NullLogger.Instance, step, slug, revision);

        public void Dispose()
        {
            var failed = Activity?.Status == ActivityStatusCode.Error;
            _logger.Log(failed ? LogLevel.Warning : LogLevel.Information,
                "Step {Step} of {Slug} revision {Revision} {Outcome} in {ElapsedMs:0} ms",
                _step, _slug, _revision, failed ? "failed" : "ended", _clock.Elapsed.TotalMilliseconds);
            _scope?.Dispose();
            Activity?.Dispose();
        }
    }
}
