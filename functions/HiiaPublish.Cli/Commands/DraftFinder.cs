namespace HiiaPublish.Cli.Commands;

/// <summary>A draft to check: where it is, and the path shown to the editor (relative to the current folder).</summary>
internal sealed record DraftFile(string FullPath, string DisplayPath);

internal static class DraftFinder
{
    // Issue 15: a folder is walked without following symbolic links (a link to a parent folder made `check FOLDER`
    // walk forever), and only regular files are drafts (reading a named pipe waits forever). A file given by name is
    // still read as given; if it is a pipe or device, CheckCommand's read fails and reports it.
    private static readonly EnumerationOptions OneFolder = new() { AttributesToSkip = 0, IgnoreInaccessible = true };

    /// <summary>The *.md files of a folder and of every folder below it that is no symbolic link.</summary>
    private static IEnumerable<string> MarkdownBelow(string folder)
    {
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var current))
        {
            foreach (var file in Directory.EnumerateFiles(current, "*.md", OneFolder)) yield return file;
            foreach (var sub in Directory.EnumerateDirectories(current, "*", OneFolder))
                if (new DirectoryInfo(sub).LinkTarget is null) pending.Push(sub);
        }
    }

    /// <summary>
    /// Files as given; folders expanded to every *.md below them except README.md, sorted by path so the
    /// report reads the same on every machine. A file reached twice is checked once.
    /// </summary>
    public static IReadOnlyList<DraftFile> Find(IEnumerable<string> paths, string currentDirectory)
    {
        var found = new List<DraftFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, currentDirectory);
            var files = Directory.Exists(full)
                ? MarkdownBelow(full)
                    .Where(file => !Path.GetFileName(file).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                    .Where(file => Format.FileKinds.NotRegular(file) is null)
                    .Order(StringComparer.Ordinal)
                : (IEnumerable<string>)[full];
            foreach (var file in files)
                if (seen.Add(file))
                    found.Add(new DraftFile(file, Path.GetRelativePath(currentDirectory, file).Replace('\\', '/')));
        }
        return found;
    }
}
