using HiiaPublish.Format;
using HiiaPublish.Functions.WarmUp;
using HiiaPublish.Rendering;
using HiiaPublish.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HiiaPublish.Functions.Tests;

/// <summary>
/// The worker renders two embedded papers when it starts (<see cref="RendererWarmUp"/>), with the app's own parser and
/// renderer, so the first queue message finds fonts, patterns and templates loaded; a broken warm-up never stops it.
/// </summary>
public sealed class RendererWarmUpTests
{
    // As ProgramHostTests: storage clients are made from these settings, but nothing connects.
    private static Microsoft.Azure.Functions.Worker.Builder.FunctionsApplicationBuilder AppBuilder() =>
        FunctionsHost.CreateBuilder(["--HiiaStorage:connectionString=UseDevelopmentStorage=true", "--HiiaSite:connectionString=UseDevelopmentStorage=true"]);

    [Fact]
    public void TheAppsHost_RunsTheWarmUpAtStart()
    {
        // Read from the registrations: resolving every hosted service would start the worker's channel to a Functions host.
        var hosted = AppBuilder().Services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType);

        Assert.Single(hosted, type => type == typeof(RendererWarmUp));
    }

    [Fact]
    public void BothWarmUpPapers_RenderCleanly_WithTheAppsRenderer()
    {
        using var host = AppBuilder().Build();
        var warmUp = ActivatorUtilities.CreateInstance<RendererWarmUp>(host.Services);

        var results = warmUp.WarmUp();

        Assert.Equal(2, results.Count);
        foreach (var result in results)
        {
            Assert.NotNull(result);
            // Not a warning either: each warning would be a part of the house style the warm-up missed.
            Assert.Empty(result.Diagnostics);
            Assert.True(result.PageCount >= 4, $"a warm-up paper of {result.PageCount} pages has no body page");
            Assert.Equal("%PDF-"u8.ToArray(), result.Pdf![..5]);
        }
    }

    [Fact]
    public void TheWarmUp_RendersEnglishThenHungarian_ThroughTheRendererTheQueueUses()
    {
        var renderer = new RecordingRenderer();
        var logger = new ListLogger();
        var services = new ServiceCollection()
            .AddSingleton(new PerspectiveParser())
            .AddSingleton<IPreviewRenderer>(renderer)
            .AddSingleton<ILogger<RendererWarmUp>>(logger)
            .AddHostedService<RendererWarmUp>()
            .BuildServiceProvider();

        services.GetServices<IHostedService>().OfType<RendererWarmUp>().Single().WarmUp();

        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal([PaperLanguage.English, PaperLanguage.Hungarian], renderer.Languages);
        // The figure and the cover are read from the warm-up's own assets, as a draft's are.
        Assert.All(renderer.CoverFound, Assert.True);
    }

    [Fact]
    public void ARendererThatThrows_IsLoggedAsAWarning_AndTheWarmUpGoesOn()
    {
        var logger = new ListLogger();
        var warmUp = new RendererWarmUp(new PerspectiveParser(), new ThrowingRenderer(), logger);

        var results = warmUp.WarmUp();

        Assert.Equal([null, null], results);
        Assert.Equal(2, logger.Entries.Count(e => e.Level == LogLevel.Warning && e.Exception is InvalidOperationException));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("0 of 2 warm-up papers rendered"));
    }

    [Fact]
    public async Task StartingTheService_DoesNotWaitForTheRenders()
    {
        var renderer = new BlockingRenderer();
        using var warmUp = new RendererWarmUp(new PerspectiveParser(), renderer, new ListLogger());

        // The host awaits StartAsync before it goes on starting the worker; the renders run beside it.
        await warmUp.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(renderer.Entered.Wait(TimeSpan.FromSeconds(30)), "the warm-up never began rendering");
        renderer.Release.Set();
        await warmUp.StopAsync(CancellationToken.None);
    }

    private sealed class RecordingRenderer : IPreviewRenderer
    {
        public List<PaperLanguage> Languages { get; } = [];
        public List<bool> CoverFound { get; } = [];

        public RenderResult Render(Perspective perspective, IDraftAssets assets, string sourceFile, CancellationToken cancellationToken)
        {
            Languages.Add(perspective.Metadata.Language);
            CoverFound.Add(assets.TryRead("warm-up-cover.png") is { Length: > 0 });
            return new RenderResult([], 1, []);
        }
    }

    private sealed class ThrowingRenderer : IPreviewRenderer
    {
        public RenderResult Render(Perspective perspective, IDraftAssets assets, string sourceFile, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("fonts folder unreadable");
    }

    private sealed class BlockingRenderer : IPreviewRenderer
    {
        public ManualResetEventSlim Entered { get; } = new();
        public ManualResetEventSlim Release { get; } = new();

        public RenderResult Render(Perspective perspective, IDraftAssets assets, string sourceFile, CancellationToken cancellationToken)
        {
            Entered.Set();
            Release.Wait(TimeSpan.FromSeconds(30));
            return new RenderResult([], 1, []);
        }
    }

    private sealed class ListLogger : ILogger<RendererWarmUp>
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
                Entries.Add((logLevel, formatter(state, exception), exception));
        }
    }
}
