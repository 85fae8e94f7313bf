using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace HiiaPublish.Workflow;

/// <summary>
/// Where a message that failed every attempt is kept after the poison handler has read it: the handler has
/// to consume the poison message (that is how a queue trigger works), so the text would otherwise be gone.
/// Keeping is idempotent: the same poison message kept twice is one kept message.
/// </summary>
public interface IFailedMessageStore
{
    /// <summary>Writes the message unless one with the same queue and id is kept already.</summary>
    Task KeepAsync(FailedMessage message, CancellationToken cancellationToken);

    Task<IReadOnlyList<FailedMessage>> ListAsync(string queue, CancellationToken cancellationToken);
}

/// <summary>A poison message as kept: the queue it came from, its id there, and its text exactly as delivered.</summary>
public sealed partial record FailedMessage(string Queue, string MessageId, string Text)
{
    /// <summary>
    /// The message as kept under a name derived only from the queue and the poison message's id, so a
    /// redelivery of the same poison message names the same kept message. Without a usable id (a host that
    /// does not supply one) the name is the SHA-256 of the text.
    /// </summary>
    public static FailedMessage Of(string queue, string? messageId, string? text)
    {
        var body = text ?? "";
        var id = messageId is not null && MessageIdPattern().IsMatch(messageId) ? messageId
            : "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        return new FailedMessage(QueuePattern().IsMatch(queue) ? queue : "unknown-queue", id, body);
    }

    // Storage queue names: lower-case letters, digits and '-', 3 to 63 characters.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex QueuePattern();

    // Storage queue message ids are GUIDs; anything else is not trusted into a blob name.
    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex MessageIdPattern();
}
