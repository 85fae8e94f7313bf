using System.Security.Cryptography;
using System.Text;
using HiiaPublish.Format;

namespace HiiaPublish.Workflow;

/// <summary>
/// A draft's Markdown and its images as uploaded, in memory. The revision id is the SHA-256 over every file's
/// name and bytes in ordinal name order, so the same files give the same id however they were sent.
/// </summary>
public sealed class DraftFiles : IDraftAssets
{
    private readonly SortedDictionary<string, byte[]> _assets;

    public DraftFiles(string sourceFile, byte[] source, IEnumerable<KeyValuePair<string, byte[]>> assets)
    {
        SourceFile = sourceFile;
        Source = source;
        _assets = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, bytes) in assets) _assets[name] = bytes;
    }

    public string SourceFile { get; }
    public byte[] Source { get; }
    public IReadOnlyDictionary<string, byte[]> Assets => _assets;

    /// <summary>Every file name: the source first, then the assets in ordinal order.</summary>
    public IReadOnlyList<string> FileNames => [SourceFile, .. _assets.Keys];

    public long TotalBytes => Source.LongLength + _assets.Values.Sum(a => a.LongLength);

    public bool Exists(string relativePath) => _assets.ContainsKey(relativePath);

    public byte[]? TryRead(string relativePath) => _assets.GetValueOrDefault(relativePath);

    public string RevisionId()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, SourceFile, Source);
        foreach (var (name, bytes) in _assets) Append(hash, name, bytes);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Name and length before the bytes, so no two different sets of files can run together into one stream.
    private static void Append(IncrementalHash hash, string name, byte[] bytes)
    {
        hash.AppendData(Encoding.UTF8.GetBytes($"{name}\n{bytes.LongLength}\n"));
        hash.AppendData(bytes);
    }
}
