using HiiaPublish.Core.Format;

namespace HiiaPublish.Core.Publishing;

/// <summary>The files beside a draft on disk. A path that leaves the draft's folder reads as missing.</summary>
public sealed class DraftFolderAssets(string draftFolder) : IDraftAssets
{
    private readonly string _root = Path.GetFullPath(draftFolder);

    public bool Exists(string relativePath) => Resolve(relativePath) is { } full && File.Exists(full);

    public byte[]? TryRead(string relativePath) => Resolve(relativePath) is { } full && File.Exists(full) ? File.ReadAllBytes(full) : null;

    private string? Resolve(string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath)) return null;
        var full = Path.GetFullPath(Path.Combine(_root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
