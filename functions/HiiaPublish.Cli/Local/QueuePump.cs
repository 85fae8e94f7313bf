using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using HiiaPublish.Workflow;
using Microsoft.Extensions.Logging;

namespace HiiaPublish.Cli.Local;

/// <summary>
/// What the Functions host does for the `render` and `publish` triggers, for hosts without it (`hiia serve`):
/// take a few messages, run the workflow handler, delete each on success; a failure leaves the message to come
/// back after the visibility timeout, and the fifth failure moves it to the poison queue (where it stays), keeps
/// it in the `failed` container and marks the revision failed.
/// </summary>
internal sealed class QueuePump
{
    private static readonly TimeSpan RetryAfter = WorkQueues.RetryAfter;
    private static readonly TimeSpan IdlePoll = WorkQueues.IdlePoll;

    private readonly QueueServiceClient queues;
    private readonly Func<string, CancellationToken, Task> render;
    private readonly Func<string, CancellationToken, Task> publish;
    private readonly Func<string, string?, string, CancellationToken, Task> handlePoison;
    private readonly ILogger logger;
    private readonly WorkSignal _signal;

    /// <summary>
    /// How many messages of each queue are worked on at once: the Functions host takes one (host.json), a laptop one
    /// fewer than its cores, so that an upload, which checks its draft inside the request, always finds a core
    /// (<see cref="WorkQueues.LocalConcurrency"/> says why; on two cores that is one render at a time).
    /// </summary>
    public int Concurrency { get; }

    public QueuePump(QueueServiceClient queues, WorkflowService workflow, ILogger<QueuePump> logger, WorkSignal? signal = null)
        : this(queues, workflow.HandleRenderAsync, workflow.HandlePublishAsync, workflow.HandlePoisonAsync, logger, signal,
            WorkQueues.LocalConcurrency(Environment.ProcessorCount))
    {
    }

    /// <summary>The pump with its handlers given: tests count what it runs at once with slow ones.</summary>
    internal QueuePump(QueueServiceClient queues, Func<string, CancellationToken, Task> render, Func<string, CancellationToken, Task> publish,
        Func<string, string?, string, CancellationToken, Task> poisoned, ILogger logger, WorkSignal? signal, int concurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        this.queues = queues;
        this.render = render;
        this.publish = publish;
        this.handlePoison = poisoned;
        this.logger = logger;
        _signal = signal ?? new WorkSignal();
        Concurrency = concurrency;
    }

    /// <summary>Whether renders run on a thread of lower priority (<see cref="LowPriorityThread"/>); serve's default.</summary>
    public bool LowerRenderPriority { get; init; } = true;

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(PumpAsync(WorkQueues.Render, LowerRenderPriority ? RenderBehindRequests : render, cancellationToken),
            PumpAsync(WorkQueues.Publish, publish, cancellationToken));

    private Task RenderBehindRequests(string message, CancellationToken cancellationToken) =>
        LowPriorityThread.RunAsync(() => render(message, cancellationToken), "hiia serve render");

    private async Task PumpAsync(string name, Func<string, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(name);
        var poison = queues.GetQueueClient(name + WorkQueues.PoisonSuffix);
        var created = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // Inside the loop's handling: a stop (Ctrl+C) or storage still starting while the queues are created is
                // a stop or a retry, not a crash (the red-team rerun stopped serve within a second of its start: exit 134).
                if (!created)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                    await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                    created = true;
                }
                var messages = (await queue.ReceiveMessagesAsync(Concurrency, RetryAfter, cancellationToken)).Value;
                if (messages.Length == 0) await _signal.WaitAsync(IdlePoll, cancellationToken);
                await Task.WhenAll(messages.Select(m => HandleOneAsync(queue, poison, m, handle, cancellationToken)));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Reading the {Queue} queue failed; trying again shortly.", name);
                await Task.Delay(IdlePoll, cancellationToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    private async Task HandleOneAsync(QueueClient queue, QueueClient poison, QueueMessage message,
        Func<string, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        try
        {
            await handle(message.MessageText, cancellationToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Attempt {Attempt} of a {Queue} message failed.", message.DequeueCount, queue.Name);
            if (message.DequeueCount < WorkQueues.MaxAttempts) return;
            // Poison first, then delete: a crash between the two leaves a duplicate, never a lost message. The
            // poison handler is then called with the poison message's id, as the Functions host would call it.
            var poisoned = (await poison.SendMessageAsync(message.MessageText, cancellationToken)).Value;
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            await handlePoison(poison.Name, poisoned.MessageId, message.MessageText, cancellationToken);
        }
    }
}
