namespace HiiaPublish.Format.Tests.Support;

internal static class TestPaths
{
    /// <summary>The test project's source folder, found from the build output so fixtures are read (and regenerated) in place.</summary>
    public static string ProjectFolder { get; } = FindProjectFolder();

    public static string Fixtures => Path.Combine(ProjectFolder, "Fixtures");

    private static string FindProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "HiiaPublish.Format.Tests.csproj"))) return folder.FullName;
        throw new InvalidOperationException("The test project's folder was not found above " + AppContext.BaseDirectory);
    }
}
