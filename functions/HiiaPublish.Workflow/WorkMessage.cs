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

    // Five deliveries: enough to ride out a storage hiccup or a restarted worker, few enough that a draft that
    // can never render is reported failed within minutes (host.json's maxDequeueCount says the same).
    public const int MaxAttempts = 5;
}
