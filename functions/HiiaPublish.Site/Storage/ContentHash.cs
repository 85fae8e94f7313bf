using System.Security.Cryptography;

namespace HiiaPublish.Site.Storage;

public static class ContentHash
{
    /// <summary>Lower-case hex SHA-256: the form used for revisions, ETags of the folder store and blob metadata.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
