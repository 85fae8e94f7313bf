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
internal sealed class QueuePump(QueueServiceClient queues, WorkflowService workflow, ILogger<QueuePump> logger, WorkSignal? signal = null)
{
    // The Functions host's settings (host.json), from their one definition in WorkQueues; a laptop takes one message
    // per core, as an instance does.
    private static readonly int BatchSize = Math.Max(WorkQueues.BatchSize, Environment.ProcessorCount);
    private static readonly TimeSpan RetryAfter = WorkQueues.RetryAfter;
    private static readonly TimeSpan IdlePoll = WorkQueues.IdlePoll;

    private readonly WorkSignal _signal = signal ?? new WorkSignal();

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(PumpAsync(WorkQueues.Render, workflow.HandleRenderAsync, cancellationToken),
            PumpAsync(WorkQueues.Publish, workflow.HandlePublishAsync, cancellationToken));

    private async Task PumpAsync(string name, Func<string, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(name);
        var poison = queues.GetQueueClient(name + WorkQueues.PoisonSuffix);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var messages = (await queue.ReceiveMessagesAsync(BatchSize, RetryAfter, cancellationToken)).Value;
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
            await workflow.HandlePoisonAsync(poison.Name, poisoned.MessageId, message.MessageText, cancellationToken);
        }
    }
}
