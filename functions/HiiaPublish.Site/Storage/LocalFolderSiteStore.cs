using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace HiiaPublish.Site.Storage;

/// <summary>
/// The site as a plain folder that opens straight from disk. ETags are the content's SHA-256, so equal bytes
/// have equal ETags. Each write goes to a temporary file beside the target and is renamed over it: the rename
/// is atomic, so a crash leaves the old file or the new one.
/// Guarantee for conditional writes: check-and-replace is atomic among all writers in this process (one lock
/// per folder) and among .NET processes on this machine (an exclusive lock file, which .NET takes as an
/// advisory flock on Unix). It is not a guarantee across machines sharing a network folder. The lock file lives
/// beside the folder, never in it ("out/.site.hiia-site.lock" for "out/site"), so nothing technical is published.
/// </summary>
public sealed class LocalFolderSiteStore : ISiteStore
{
    private const string LockFileName = ".hiia-site.lock";
    private const string TempSuffix = ".hiia-tmp";
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> FolderLocks = new(StringComparer.Ordinal);
    private static long _tempCounter;

    private readonly string _root;
    private readonly string _lockPath;
    private readonly SemaphoreSlim _folderLock;

    public LocalFolderSiteStore(string rootDirectory)
    {
        _root = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(_root);
        _folderLock = FolderLocks.GetOrAdd(_root, _ => new SemaphoreSlim(1, 1));
        _lockPath = WritableLockPath(_root);
    }

    // The folder's parent may be closed to us (a site folder mounted at /srv/site): then the temp folder holds the lock.
    private static string WritableLockPath(string root)
    {
        var path = LockPathFor(root);
        try
        {
            using var _ = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
            return path;
        }
        catch (IOException)
        {
            return path; // another publisher holds it right now: it is the right file
        }
        catch (UnauthorizedAccessException)
        {
            return TempLockPath(Path.TrimEndingDirectorySeparator(root));
        }
    }

    private static string TempLockPath(string root) =>
        Path.Combine(Path.GetTempPath(), $"hiia-site-{ContentHash.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(root))[..16]}{LockFileName}");

    /// <summary>Where the lock file of <paramref name="root"/> lives: beside it, or (for a drive's root) in the temp folder.</summary>
    public static string LockPathFor(string root)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var parent = Path.GetDirectoryName(trimmed);
        var name = Path.GetFileName(trimmed);
        if (parent is null || name.Length == 0)
            return TempLockPath(trimmed);
        return Path.Combine(parent, "." + name + LockFileName);
    }

    public string RootDirectory => _root;

    public string FullPathOf(string path) => Path.Combine(_root, SitePathRules.Require(path).Replace('/', Path.DirectorySeparatorChar));

    public async Task<SiteObject?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var content = await TryReadAllBytesAsync(FullPathOf(path), cancellationToken);
        return content is null ? null : new SiteObject(content, InfoOf(content));
    }

    public async Task<SiteObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken)
    {
        var content = await TryReadAllBytesAsync(FullPathOf(path), cancellationToken);
        return content is null ? null : InfoOf(content);
    }

    public async Task<SiteWriteResult> WriteAsync(string path, byte[] content, SiteObjectProperties properties,
        WriteCondition condition, CancellationToken cancellationToken)
    {
        var target = FullPathOf(path);
        RefuseLinkedFolders(target);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = $"{target}.{Environment.ProcessId}-{Interlocked.Increment(ref _tempCounter)}{TempSuffix}";
        await File.WriteAllBytesAsync(temp, content, cancellationToken);
        try
        {
            await _folderLock.WaitAsync(cancellationToken);
            try
            {
                using var crossProcessLock = await AcquireLockFileAsync(cancellationToken);
                if (!await ConditionHoldsAsync(target, condition, cancellationToken))
                    return SiteWriteResult.PreconditionFailed;
                File.Move(temp, target, overwrite: true);
            }
            finally
            {
                _folderLock.Release();
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return SiteWriteResult.Written(ETagOf(content));
    }

    /// <summary>
    /// Issue 15: `--site DIR` never writes through a symbolic link. A folder inside the site that is a link (to /etc, to
    /// another site) would receive the files; the file itself is replaced by a rename, which replaces a link rather than
    /// writing through it.
    /// </summary>
    private void RefuseLinkedFolders(string target)
    {
        var folder = Path.GetDirectoryName(target)!;
        while (folder.Length > _root.Length && folder.StartsWith(_root, StringComparison.Ordinal))
        {
            if (new DirectoryInfo(folder).LinkTarget is { } link)
                throw new IOException($"Refusing to write '{Path.GetRelativePath(_root, target)}': the site folder '{Path.GetRelativePath(_root, folder)}' is a symbolic link (to {link}); replace the link with a real folder.");
            folder = Path.GetDirectoryName(folder)!;
        }
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        var target = FullPathOf(path);
        await _folderLock.WaitAsync(cancellationToken);
        try
        {
            using var crossProcessLock = await AcquireLockFileAsync(cancellationToken);
            if (!File.Exists(target)) return false;
            File.Delete(target);
            return true;
        }
        finally
        {
            _folderLock.Release();
        }
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var paths = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Select(full => Path.GetRelativePath(_root, full).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(relative => relative != LockFileName && !relative.EndsWith(TempSuffix, StringComparison.Ordinal))
            .Where(relative => relative.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return path;
        }
        await Task.CompletedTask;
    }

    private static async Task<bool> ConditionHoldsAsync(string target, WriteCondition condition, CancellationToken cancellationToken)
    {
        if (condition.IfMatch is null && !condition.IfNoneExists) return true;
        var current = await TryReadAllBytesAsync(target, cancellationToken);
        if (condition.IfNoneExists) return current is null;
        return current is not null && ETagOf(current) == condition.IfMatch;
    }

    private async Task<FileStream> AcquireLockFileAsync(CancellationToken cancellationToken)
    {
        // Another process holds the lock only for one check-and-rename, so a short poll is enough.
        const int pollMilliseconds = 5;
        while (true)
        {
            try
            {
                return new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(pollMilliseconds, cancellationToken);
            }
        }
    }

    private static async Task<byte[]?> TryReadAllBytesAsync(string fullPath, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(fullPath, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static SiteObjectInfo InfoOf(byte[] content) =>
        new(ETagOf(content), ContentHash.Sha256Hex(content), content.Length, Properties: null);

    private static string ETagOf(byte[] content) => "\"" + ContentHash.Sha256Hex(content) + "\"";
}
