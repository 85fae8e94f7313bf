using HiiaPublish.Azure;
using HiiaPublish.Azure.Http;
using HiiaPublish.Azure.Workflow;
using HiiaPublish.Cli.Commands;
using HiiaPublish.Cli.Local;
using HiiaPublish.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HiiaPublish.Functions.Tests;

/// <summary>
/// Functions and `hiia serve` share one registration, AddHiiaPublish: the Functions app takes it as it is, serve
/// adds to it through <see cref="HiiaPublishHostOptions"/> and never removes or replaces a registration.
/// </summary>
public class HostRegistrationTests
{
    // Storage clients are made from it but nothing connects until a store is used.
    private const string UnusedStorage = "UseDevelopmentStorage=true";

    private static IConfiguration Configuration() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["HiiaStorage:connectionString"] = UnusedStorage,
        ["HiiaSite:connectionString"] = UnusedStorage,
    }).Build();

    [Fact]
    public void WithoutHostOptions_TheQueueIsTheStorageQueue_AndTheDeskSignsInWithAppServiceAuthentication()
    {
        var services = new ServiceCollection().AddLogging().AddHiiaPublish(Configuration());
        Assert.Single(services, d => d.ServiceType == typeof(IWorkQueue));
        using var provider = services.BuildServiceProvider();
        Assert.IsType<QueueWorkQueue>(provider.GetRequiredService<IWorkQueue>());
        Assert.Equal(ReviewDeskSignIn.EasyAuth("/review/"), provider.GetRequiredService<ReviewDeskSignIn>());
        Assert.NotNull(provider.GetRequiredService<ReviewDeskApi>());
    }

    [Fact]
    public void AHostsDecorator_WrapsTheOneQueueRegistration_AndItsSignInIsTheDesks()
    {
        IWorkQueue? wrapped = null;
        var local = new ReviewDeskSignIn("/in", "/out", "/switch");
        var services = new ServiceCollection().AddLogging().AddHiiaPublish(Configuration(), new HiiaPublishHostOptions
        {
            DecorateWorkQueue = (queue, _) => new RecordingQueue(wrapped = queue),
            SignIn = local,
        });
        Assert.Single(services, d => d.ServiceType == typeof(IWorkQueue));
        using var provider = services.BuildServiceProvider();
        Assert.IsType<RecordingQueue>(provider.GetRequiredService<IWorkQueue>());
        Assert.IsType<QueueWorkQueue>(wrapped);
        Assert.Same(local, provider.GetRequiredService<ReviewDeskSignIn>());
    }

    [Fact]
    public async Task Serve_WrapsTheSharedQueueSoItsPumpWakes_WithoutASecondQueueRegistration()
    {
        await using var app = ServeCommand.Build(UnusedStorage, port: 1);
        var queues = app.Services.GetServices<IWorkQueue>().ToList();
        Assert.IsType<SignallingWorkQueue>(Assert.Single(queues));
        Assert.Equal(LocalSignIn.Links, app.Services.GetRequiredService<ReviewDeskSignIn>());
    }

    [Fact]
    public async Task Serve_PrintsTheWorkflowsStepLogs_OnStandardError_AndOtherLogsOnlyWhenTheyWarn()
    {
        await using var app = ServeCommand.Build(UnusedStorage, port: 1);
        var loggers = app.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>();

        Assert.True(loggers.CreateLogger(typeof(WorkflowService).FullName!).IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information));
        var console = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>>().Value;
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Trace, console.LogToStandardErrorThreshold);
        Assert.Contains(app.Services.GetServices<Microsoft.Extensions.Logging.ILoggerProvider>(), p => p is Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider);
    }

    private sealed class RecordingQueue(IWorkQueue inner) : IWorkQueue
    {
        public Task EnqueueAsync(string queue, WorkMessage message, CancellationToken cancellationToken) => inner.EnqueueAsync(queue, message, cancellationToken);
    }
}
