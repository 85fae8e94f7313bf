using Azure.Storage.Queues;
using HiiaPublish.Cli.Local;
using HiiaPublish.Workflow;
using Microsoft.Extensions.Logging.Abstractions;

namespace HiiaPublish.Cli.Tests;

/// <summary>
/// Issue 15, "the upload answers within 1 s while renders run": `hiia serve` leaves one core to its requests, so its
/// pump never works on more render messages at once than it says, however many wait, and still works through all.
/// </summary>
public sealed class QueuePumpConcurrencyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(4, 3)]
    [InlineData(16, 15)]
    public void ServeRendersOneFewerThanTheCores_AndAlwaysAtLeastOne(int cores, int expected) =>
        Assert.Equal(expected, WorkQueues.LocalConcurrency(cores));

    [Fact]
    public void ServesPump_TakesItsConcurrencyFromTheQueueSettings()
    {
        var pump = new QueuePump(new QueueServiceClient(azurite.NewAccountConnectionString()),
            (_, _) => Task.CompletedTask, (_, _) => Task.CompletedTask, (_, _, _, _) => Task.CompletedTask,
            NullLogger.Instance, signal: null, WorkQueues.LocalConcurrency(Environment.ProcessorCount));

        Assert.Equal(Math.Max(1, Environment.ProcessorCount - 1), pump.Concurrency);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ThePump_NeverRendersMoreAtOnceThanItsConcurrency_AndRendersEveryMessage(int concurrency)
    {
        const int messages = 7;
        var queues = new QueueServiceClient(azurite.NewAccountConnectionString());
        var render = queues.GetQueueClient(WorkQueues.Render);
        await render.CreateIfNotExistsAsync();
        for (var i = 0; i < messages; i++)
            await render.SendMessageAsync(new WorkMessage($"paper-{i}", $"r{i:000000}").ToJson());

        var running = 0;
        var mostAtOnce = 0;
        var rendered = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // A slow renderer: long enough that a pump which took more messages would be seen running them together.
        async Task SlowRender(string message, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
            rendered.Add(message);
            Interlocked.Decrement(ref running);
            if (rendered.Count == messages) await stop.CancelAsync();
        }

        var pump = new QueuePump(queues, SlowRender, (_, _) => Task.CompletedTask, (_, _, _, _) => Task.CompletedTask,
            NullLogger.Instance, signal: null, concurrency);
        await pump.RunAsync(stop.Token);

        Assert.Equal(messages, rendered.Distinct().Count());
        Assert.Equal(concurrency, mostAtOnce);
    }

    [Fact]
    public async Task APumpWhoseStorageIsDownAtStart_KeepsTrying_AndStopsWhenAsked_WithoutThrowing()
    {
        // Every endpoint on a closed port: creating the queues fails, as while Azurite is still starting or gone.
        var down = $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.DevelopmentAccount};AccountKey={AzuriteProcess.DevelopmentKey};" +
                   $"QueueEndpoint=http://127.0.0.1:1/{AzuriteProcess.DevelopmentAccount};";
        var options = new QueueClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(2) } };
        var pump = new QueuePump(new QueueServiceClient(down, options), (_, _) => Task.CompletedTask, (_, _) => Task.CompletedTask,
            (_, _, _, _) => Task.CompletedTask, NullLogger.Instance, signal: null, concurrency: 1);
        using var stop = new CancellationTokenSource();

        var running = pump.RunAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(running.IsCompleted, "the pump gave up while storage was down");
        await stop.CancelAsync();

        await running.WaitAsync(TimeSpan.FromSeconds(30)); // throws if the pump failed or did not stop
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
