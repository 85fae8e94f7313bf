namespace HiiaPublish.Cli.Commands;

/// <summary>
/// A file or folder that could not be read or written, said as a sentence an editor can act on (what, where, what
/// to do) instead of an exception's type and stack trace.
/// </summary>
internal static class FileProblem
{
    /// <summary>"could not read papers/a.md: it does not exist. …" and the like.</summary>
    public static string Sentence(Exception exception, string? path = null, bool writing = false)
    {
        var verb = writing ? "write" : "read";
        var what = path is null ? "a file" : path;
        return exception switch
        {
            FileNotFoundException or DirectoryNotFoundException =>
                $"could not {verb} {what}: it does not exist (or a folder on its way does not). Check the path.",
            UnauthorizedAccessException =>
                $"could not {verb} {what}: permission denied. Check who owns it, or copy it somewhere you may {verb}.",
            InputFile.RefusedException =>
                $"could not {verb} {what}: {exception.Message}.",
            PathTooLongException =>
                $"could not {verb} {what}: the path is too long for this system. Move it to a shorter path.",
            _ => $"could not {verb} {what}: {exception.Message.TrimEnd('.')}. Check that it is a file you may {verb}, not a folder, and that the disk is not full.",
        };
    }
}
