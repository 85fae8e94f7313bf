namespace HiiaPublish.Functions.Tests.Support;

/// <summary>
/// RouteTests' name for the repository root; the finder itself is <see cref="RepositoryPaths"/> in HiiaPublish.Testing.
/// </summary>
public static class Repository
{
    public static string Root => RepositoryPaths.RepositoryRoot;
}
