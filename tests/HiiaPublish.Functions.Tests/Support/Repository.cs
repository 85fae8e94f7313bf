namespace HiiaPublish.Functions.Tests.Support;

public static class Repository
{
    public static string Root { get; } = Find();

    public static string Sample(params string[] parts) => Path.Combine([Root, "samples", .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HiiaPublish.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("HiiaPublish.sln not found above the test folder.");
    }
}
