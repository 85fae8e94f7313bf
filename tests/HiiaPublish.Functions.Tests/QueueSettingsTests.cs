using System.Reflection;
using System.Text.Json;
using HiiaPublish.Azure.Workflow;
using HiiaPublish.Functions.Tests.Support;
using HiiaPublish.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace HiiaPublish.Functions.Tests;

/// <summary>
/// The queue settings live once, in <see cref="WorkQueues"/>: host.json (read by the Functions host) must say the
/// same, and `hiia serve`'s pump reads them from there. And the queue has one connection name, for the triggers
/// that listen and for the app that enqueues.
/// </summary>
public sealed class QueueSettingsTests
{
    private static JsonElement Queues()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "host.json")));
        return host.RootElement.GetProperty("extensions").GetProperty("queues").Clone();
    }

    [Fact]
    public void HostJson_SaysWhatWorkQueuesSays()
    {
        var queues = Queues();

        Assert.Equal(WorkQueues.BatchSize, queues.GetProperty("batchSize").GetInt32());
        Assert.Equal(WorkQueues.NewBatchThreshold, queues.GetProperty("newBatchThreshold").GetInt32());
        Assert.Equal(WorkQueues.MaxAttempts, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal(WorkQueues.RetryAfter, TimeSpan.Parse(queues.GetProperty("visibilityTimeout").GetString()!));
        Assert.Equal(WorkQueues.IdlePoll, TimeSpan.Parse(queues.GetProperty("maxPollingInterval").GetString()!));
        // Base64, as QueueWorkQueue writes them.
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
    }

    [Fact]
    public void AnInstance_RunsOneRenderAtATime_ForItsOneCore()
    {
        // Per instance the host runs batchSize + newBatchThreshold messages at once: on a 2,048 MB Flex instance
        // (one vCPU) that must be one (docs/performance.md, "Concurrency per core").
        var queues = Queues();
        Assert.Equal(1, queues.GetProperty("batchSize").GetInt32() + queues.GetProperty("newBatchThreshold").GetInt32());
    }

    [Fact]
    public void EveryQueueTrigger_ListensOnTheConnectionTheAppEnqueuesThrough()
    {
        var triggers = typeof(FunctionsHost).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .SelectMany(method => method.GetParameters())
            .Select(parameter => parameter.GetCustomAttribute<QueueTriggerAttribute>())
            .OfType<QueueTriggerAttribute>()
            .ToList();

        Assert.Equal(4, triggers.Count);
        Assert.All(triggers, trigger => Assert.Equal(StorageEndpoints.WorkflowConnection, trigger.Connection));
        Assert.Equal(
            [WorkQueues.Publish, WorkQueues.Publish + WorkQueues.PoisonSuffix, WorkQueues.Render, WorkQueues.Render + WorkQueues.PoisonSuffix],
            triggers.Select(t => t.QueueName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheConnection_AsTheFunctionsHostReadsIt_IsTheOneTheAppEnqueuesThrough()
    {
        // local.settings.json's form, a plain string under the connection's name, is understood by the app too.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageEndpoints.WorkflowConnection] = "UseDevelopmentStorage=true",
        }).Build();

        var queues = new StorageEndpoints(configuration.GetSection(StorageEndpoints.WorkflowConnection)).QueueService();

        Assert.Equal("devstoreaccount1", queues.AccountName);
        using var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "functions", "HiiaPublish.Functions", "local.settings.example.json")));
        Assert.Equal("UseDevelopmentStorage=true", example.RootElement.GetProperty("Values").GetProperty(StorageEndpoints.WorkflowConnection).GetString());
    }
}
