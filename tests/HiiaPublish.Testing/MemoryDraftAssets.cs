using HiiaPublish.Format;

namespace HiiaPublish.Testing;

/// <summary>A draft's files held in memory, for drafts the tests make up.</summary>
public sealed class MemoryDraftAssets(IReadOnlyDictionary<string, byte[]> files) : IDraftAssets
{
    public static readonly MemoryDraftAssets None = new(new Dictionary<string, byte[]>());

    public MemoryDraftAssets() : this(new Dictionary<string, byte[]>()) { }

    public bool Exists(string relativePath) => files.ContainsKey(relativePath);

    public byte[]? TryRead(string relativePath) => files.GetValueOrDefault(relativePath);
}
