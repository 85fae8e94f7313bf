using HiiaPublish.Format.Images;

namespace HiiaPublish.Format;

/// <summary>
/// The files beside a draft on disk. Only paths that stay inside the folder are answered: no '..',
/// no absolute paths or drive letters, no backslashes, no NUL (row 16 of the reliability table). And only plain files
/// that really lie inside it (issue 15): a symbolic link is followed only while it stays inside the draft's folder, a
/// loop of links is named as one, and a device, pipe or socket (which report no length) is never opened.
/// </summary>
public sealed class FolderDraftAssets : IDraftAssets, IDraftAssetRules
{
    // Links followed for one path before it counts as a loop: Linux's own limit (ELOOP) is 40.
    private const int MaxLinkHops = 40;

    private readonly string _root;
    private readonly string? _realRoot;
    private readonly long _maxFileBytes;

    public FolderDraftAssets(string folder, long maxFileBytes = 64 * 1024 * 1024)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        _realRoot = RealPath(_root, out _) is { } real ? Path.TrimEndingDirectorySeparator(real) + Path.DirectorySeparatorChar : null;
        _maxFileBytes = maxFileBytes;
    }

    public bool Exists(string relativePath) => Resolve(relativePath) is { } path && File.Exists(path);

    public byte[]? TryRead(string relativePath)
    {
        var path = Resolve(relativePath);
        if (path is null || !File.Exists(path) || ProblemOf(relativePath) is not null) return null;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            // Never more than the limit: a file that grows while it is read (or lies about its length) stops here.
            var buffer = new byte[Math.Min(stream.Length, _maxFileBytes)];
            var read = 0;
            while (read < buffer.Length && stream.Read(buffer, read, buffer.Length - read) is var n and > 0) read += n;
            return read == buffer.Length ? buffer : buffer[..read];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public string? ProblemOf(string relativePath)
    {
        var path = Resolve(relativePath);
        if (path is null) return null; // refused by name: the caller names that
        var real = RealPath(path, out var loop);
        if (loop) return "is a symbolic link that leads in a loop";
        if (real is null || !File.Exists(real)) return null; // missing: the caller names that
        if (_realRoot is null || !real.StartsWith(_realRoot, StringComparison.Ordinal))
            return "is a symbolic link to a file outside the draft's folder";
        if (FileKinds.NotRegular(real) is { } kind) return $"is {kind}";
        try
        {
            // Where the kind cannot be asked, devices, pipes and sockets still report a length of 0, as does an empty file: none is an image.
            if (new FileInfo(real).Length == 0) return "is empty, or is no plain file (a device, pipe or socket)";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "cannot be read";
        }
        return null;
    }

    public long? LengthOf(string relativePath)
    {
        var path = Resolve(relativePath);
        if (path is null || RealPath(path, out _) is not { } real) return null;
        try { return new FileInfo(real).Length; }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException) { return null; }
    }

    private string? Resolve(string relativePath)
    {
        if (ImageChecker.PathProblem(relativePath) is not null || relativePath.Contains(':')) return null;
        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        // A second guard after normalisation, in case a platform resolves something we did not foresee.
        return full.StartsWith(_root, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>
    /// The path with every symbolic link in it followed, folder by folder (File.ResolveLinkTarget follows only the last
    /// part); null when a part cannot be read, with <paramref name="loop"/> set when the links go round.
    /// </summary>
    internal static string? RealPath(string fullPath, out bool loop)
    {
        loop = false;
        var pending = new Stack<string>(Path.TrimEndingDirectorySeparator(fullPath).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = Path.GetPathRoot(fullPath) ?? "/";
        var hops = 0;
        try
        {
            while (pending.TryPop(out var part))
            {
                if (part == ".") continue;
                if (part == "..") { current = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(current)) ?? current; continue; }
                var next = Path.Combine(current, part);
                var info = new FileInfo(next);
                if (info.LinkTarget is not { } target)
                {
                    current = next;
                    continue;
                }
                if (++hops > MaxLinkHops)
                {
                    loop = true;
                    return null;
                }
                // The target's own parts are resolved in turn: relative to the link's folder, or from the root.
                var absolute = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                foreach (var targetPart in Path.TrimEndingDirectorySeparator(absolute).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
                    pending.Push(targetPart);
                current = Path.GetPathRoot(absolute) ?? "/";
            }
            return current;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
