using HiiaPublish.Core.Format;

namespace HiiaPublish.Core.Tests.Support;

/// <summary>Images held in memory, for tests that need a draft's files without a folder.</summary>
internal sealed class MemoryDraftAssets(IReadOnlyDictionary<string, byte[]> files) : IDraftAssets
{
    public static readonly MemoryDraftAssets None = new(new Dictionary<string, byte[]>());

    public bool Exists(string relativePath) => files.ContainsKey(relativePath);

    public byte[]? TryRead(string relativePath) => files.GetValueOrDefault(relativePath);
}
