namespace HiiaPublish.Cli.Commands;

/// <summary>A draft to check: where it is, and the path shown to the editor (relative to the current folder).</summary>
internal sealed record DraftFile(string FullPath, string DisplayPath);

internal static class DraftFinder
{
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
                ? Directory.EnumerateFiles(full, "*.md", SearchOption.AllDirectories)
                    .Where(file => !Path.GetFileName(file).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                : (IEnumerable<string>)[full];
            foreach (var file in files)
                if (seen.Add(file))
                    found.Add(new DraftFile(file, Path.GetRelativePath(currentDirectory, file).Replace('\\', '/')));
        }
        return found;
    }
}
