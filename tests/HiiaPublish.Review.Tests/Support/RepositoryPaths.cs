namespace HiiaPublish.Review.Tests.Support;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string folder) => Path.Combine(Root, "samples", folder);

    /// <summary>Git-ignored (/tests/output/): screenshots for a person to look at.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(Root, "tests", "output", "review");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HiiaPublish.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("The repository root (with HiiaPublish.sln) is not above the test's folder.");
    }
}
