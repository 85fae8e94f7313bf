using System.Text.Json;

namespace HiiaPublish.Workflow;

/// <summary>What a queue message asks for: work on one revision. The queue says which work (render or publish).</summary>
public sealed record WorkMessage(string Slug, string Revision)
{
    public string ToJson() => JsonSerializer.Serialize(this, WorkflowJson.Options);

    /// <summary>The message, or null when it is not a well-formed work message (such a message can never succeed).</summary>
    public static WorkMessage? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            var message = JsonSerializer.Deserialize<WorkMessage>(text, WorkflowJson.Options);
            return message is not null && DraftNames.IsSlug(message.Slug) && DraftNames.IsRevision(message.Revision) ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public static class WorkQueues
{
    public const string Render = "render";
    public const string Publish = "publish";

    // The suffix the Functions host and `hiia serve` give the queue a message goes to after its last attempt.
    public const string PoisonSuffix = "-poison";

    // The queue settings, here once: host.json's "queues" section must say the same (a test compares them), and
    // `hiia serve`'s QueuePump reads them from here.

    // Five deliveries: enough to ride out a storage hiccup or a restarted worker, few enough that a draft that
    // can never render is reported failed within minutes (host.json's maxDequeueCount).
    public const int MaxAttempts = 5;

    // One render per core. A 2,048 MB Flex Consumption instance has one vCPU: a second render on it only halves
    // the speed of both, and Flex adds instances per queue length instead (docs/performance.md, "Concurrency").
    // host.json's batchSize; newBatchThreshold 0 means the next message is fetched only when this one is done.
    public const int BatchSize = 1;
    public const int NewBatchThreshold = 0;

    /// <summary>
    /// How many messages of one queue `hiia serve` works on at once: one fewer than the machine's cores, and at least
    /// one. The upload request parses and checks the draft before it answers (issue 15: within 1 s); with a render on
    /// every core it waits for one, which on two cores took 1.1–1.8 s (docs/performance.md, "Upload within a
    /// second"). A Functions instance keeps that core free by <see cref="BatchSize"/> already.
    /// </summary>
    public static int LocalConcurrency(int processorCount) => Math.Max(1, processorCount - 1);

    // A failed message is retried after 30 s, long enough for a storage blip to pass (host.json's visibilityTimeout).
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    // An idle queue is asked again every 2 s, so an upload renders within seconds (host.json's maxPollingInterval).
    public static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(2);
}
