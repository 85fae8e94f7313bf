namespace HiiaPublish.Typesetting.Tests;

/// <summary>Finds files of the repository by walking up from the test binary to the folder holding HiiaPublish.sln.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HiiaPublish.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No HiiaPublish.sln above {AppContext.BaseDirectory}.");
    });

    public static string HyphenationDictionary(string name) => Path.Combine(Root.Value, "templates", "hyphenation", name);
}
