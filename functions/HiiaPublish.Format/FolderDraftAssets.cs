using HiiaPublish.Format.Images;

namespace HiiaPublish.Format;

/// <summary>
/// The files beside a draft on disk. Only paths that stay inside the folder are answered: no '..',
/// no absolute paths or drive letters, no backslashes, no NUL (row 16 of the reliability table).
/// </summary>
public sealed class FolderDraftAssets : IDraftAssets
{
    private readonly string _root;

    public FolderDraftAssets(string folder) =>
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;

    public bool Exists(string relativePath) => Resolve(relativePath) is { } path && File.Exists(path);

    public byte[]? TryRead(string relativePath)
    {
        var path = Resolve(relativePath);
        if (path is null || !File.Exists(path)) return null;
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string? Resolve(string relativePath)
    {
        if (ImageChecker.PathProblem(relativePath) is not null || relativePath.Contains(':')) return null;
        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        // A second guard after normalisation, in case a platform resolves something we did not foresee.
        return full.StartsWith(_root, StringComparison.Ordinal) ? full : null;
    }
}
