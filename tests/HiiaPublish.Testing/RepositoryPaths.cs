namespace HiiaPublish.Testing;

/// <summary>Where the repository's files are, found by walking up from the test binary to the folder holding HiiaPublish.sln.</summary>
public static class RepositoryPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Templates => Path.Combine(RepositoryRoot, "templates");
    public static string Fonts => Path.Combine(Templates, "fonts");
    public static string Samples => Path.Combine(RepositoryRoot, "samples");

    /// <summary>A sample's folder or a file in it: <c>Sample("middle-corridor", "cover.png")</c>.</summary>
    public static string Sample(params string[] parts) => Path.Combine([Samples, .. parts]);

    /// <summary>Git-ignored folder for files a person looks at after the run (PNG pages).</summary>
    public static string Output(string name)
    {
        var dir = Path.Combine(RepositoryRoot, "tests", "output", name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HiiaPublish.sln")))
                return dir.FullName;
        throw new InvalidOperationException("HiiaPublish.sln not found above the test folder.");
    }
}
