using HiiaPublish.Core.Format;

namespace HiiaPublish.Pdf.Tests.Rendering;

/// <summary>A draft's files held in memory, for drafts the tests make up.</summary>
internal sealed class MemoryDraftAssets(Dictionary<string, byte[]> files) : IDraftAssets
{
    public MemoryDraftAssets() : this([]) { }

    public bool Exists(string relativePath) => files.ContainsKey(relativePath);
    public byte[]? TryRead(string relativePath) => files.GetValueOrDefault(relativePath);
}
