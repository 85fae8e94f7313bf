using System.Diagnostics;
using Azure.Identity;
using HiiaPublish.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace HiiaPublish.Functions.Tests;

/// <summary>
/// The app's telemetry as Program.cs wires it (<see cref="FunctionsHost.AddTelemetry"/>), with an in-memory exporter
/// in place of Azure Monitor: each workflow step is a span carrying the draft's slug and revision, and a render
/// records its time and pages.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private readonly ServiceProvider _provider;

    public TelemetryTests()
    {
        var services = new ServiceCollection().AddLogging();
        FunctionsHost.AddTelemetry(services, new ConfigurationBuilder().Build())
            .WithTracing(tracing => tracing.AddInMemoryExporter(_spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(_metrics));
        _provider = services.BuildServiceProvider();
        // The providers start listening when resolved, as the host does at start.
        _provider.GetRequiredService<TracerProvider>();
        _provider.GetRequiredService<MeterProvider>();
    }

    public void Dispose() => _provider.Dispose();

    private List<Activity> SpansOf(string slug) =>
        _spans.Where(s => s.Source.Name == WorkflowTelemetry.SourceName && (string?)s.GetTagItem(WorkflowTelemetry.SlugTag) == slug)
            .OrderBy(s => s.StartTimeUtc).ToList();

    [Fact]
    public async Task UploadRenderApprovePublish_AreSpans_WithTheSlugAndRevision_AndRenderHasItsCheckAndTypesetting()
    {
        var flow = new MemoryWorkflow();
        var slug = "telemetry-" + Guid.NewGuid().ToString("N")[..8];
        var uploaded = (await flow.Service.UploadAsync(Drafts.Small(slug), People.Editor, None)).Value!;
        await flow.DrainAsync(WorkQueues.Render);
        var rendered = await flow.RecordAsync(uploaded.Slug, uploaded.Revision);
        await flow.Service.ApproveAsync(slug, rendered.Revision, rendered.PreviewSha256, People.CopyEditor, None);
        await flow.DrainAsync(WorkQueues.Publish);

        var spans = SpansOf(slug);
        Assert.Equal(["upload", "check", "render", "check", "typeset", "approve", "publish"], spans.Select(s => s.OperationName));
        Assert.All(spans.Where(s => s.OperationName is "upload" or "render" or "approve" or "publish"),
            span => Assert.Equal(uploaded.Revision, span.GetTagItem(WorkflowTelemetry.RevisionTag)));
        // The render's check and typesetting are its children, so one trace shows where a slow render spent its time.
        var render = spans.Single(s => s.OperationName == "render");
        Assert.Equal(render.SpanId, spans.Single(s => s.OperationName == "typeset").ParentSpanId);
        Assert.Contains(spans, s => s.OperationName == "check" && s.ParentSpanId == render.SpanId);
        var typeset = spans.Single(s => s.OperationName == "typeset");
        Assert.Equal("rendered", typeset.GetTagItem(WorkflowTelemetry.OutcomeTag));
        Assert.Equal(rendered.PageCount, typeset.GetTagItem("hiia.pages"));
        Assert.All(spans, span => Assert.NotEqual(ActivityStatusCode.Error, span.Status));
    }

    [Fact]
    public async Task ARenderThatThrows_IsAnErrorSpan_AndThePoisonStepIsASpanOfItsOwn()
    {
        var flow = new MemoryWorkflow();
        flow.Renderer.FailWith = new IOException("disk on fire");
        var slug = "telemetry-" + Guid.NewGuid().ToString("N")[..8];
        var record = (await flow.Service.UploadAsync(Drafts.Small(slug), People.Editor, None)).Value!;
        var message = new WorkMessage(record.Slug, record.Revision).ToJson();
        await Assert.ThrowsAsync<IOException>(() => flow.Service.HandleRenderAsync(message, None));
        await flow.Service.HandlePoisonAsync("render-poison", "poison-1", message, None);

        var spans = SpansOf(slug);
        var render = spans.Single(s => s.OperationName == "render");
        Assert.Equal(ActivityStatusCode.Error, render.Status);
        Assert.Equal("disk on fire", render.StatusDescription);
        var poison = spans.Single(s => s.OperationName == "poison");
        Assert.Equal(record.Revision, poison.GetTagItem(WorkflowTelemetry.RevisionTag));
        Assert.Equal("render-poison", poison.GetTagItem("hiia.queue"));
    }

    [Fact]
    public async Task ARender_RecordsItsTimeAndPages()
    {
        var flow = new MemoryWorkflow();
        await flow.Service.UploadAsync(Drafts.Small("telemetry-" + Guid.NewGuid().ToString("N")[..8]), People.Editor, None);
        await flow.DrainAsync(WorkQueues.Render);

        _provider.GetRequiredService<MeterProvider>().ForceFlush();
        var names = _metrics.Select(m => m.Name).ToHashSet();
        Assert.Contains(WorkflowTelemetry.RenderDurationMetric, names);
        Assert.Contains(WorkflowTelemetry.RenderPagesMetric, names);
        var pages = _metrics.Last(m => m.Name == WorkflowTelemetry.RenderPagesMetric);
        var points = new List<MetricPoint>();
        foreach (ref readonly var point in pages.GetMetricPoints()) points.Add(point);
        Assert.True(points.Sum(p => p.GetHistogramCount()) >= 1);
    }

    [Fact]
    public void TheExporter_SignsInAsTheIdentityTheHostUses_NeverWithAKey()
    {
        Assert.IsType<ManagedIdentityCredential>(FunctionsHost.Credential("ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD"));
        // A local run against a real workspace uses the developer's own sign-in.
        Assert.IsType<DefaultAzureCredential>(FunctionsHost.Credential(null));
    }

    [Fact]
    public void AzureMonitor_IsTheExporter_OnlyWhenTheAppIsToldWhereApplicationInsightsIs()
    {
        static bool HasAzureMonitor(IServiceCollection services) => services.Any(d =>
            (d.ImplementationType ?? d.ServiceType).Assembly.GetName().Name == "Azure.Monitor.OpenTelemetry.Exporter" ||
            d.ServiceType.FullName?.Contains("AzureMonitorExporterOptions", StringComparison.Ordinal) == true);

        var local = new ServiceCollection();
        FunctionsHost.AddTelemetry(local, new ConfigurationBuilder().Build());
        var deployed = new ServiceCollection();
        FunctionsHost.AddTelemetry(deployed, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [FunctionsHost.ConnectionStringSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/",
            [FunctionsHost.AuthenticationStringSetting] = "ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD",
        }).Build());

        Assert.False(HasAzureMonitor(local));
        Assert.True(HasAzureMonitor(deployed));
    }
}
