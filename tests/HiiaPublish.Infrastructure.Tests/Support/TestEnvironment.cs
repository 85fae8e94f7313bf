using System.Reflection;

namespace HiiaPublish.Infrastructure.Tests.Support;

/// <summary>Paths the test project's build wrote into the assembly (see the csproj).</summary>
public static class TestEnvironment
{
    public static string BicepPath { get; } = Metadata("BicepPath");

    public static string RepositoryRoot { get; } = Path.GetFullPath(Metadata("RepositoryRoot"));

    public static string InfraDirectory { get; } = Path.Combine(RepositoryRoot, "infra");

    public static IReadOnlyList<string> BicepFiles() =>
        Directory.EnumerateFiles(InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Metadata(string key) =>
        typeof(TestEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata; rebuild the test project.");
}
