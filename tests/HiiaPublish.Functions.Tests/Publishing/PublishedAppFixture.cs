using System.Diagnostics;

namespace HiiaPublish.Functions.Tests.Publishing;

/// <summary>
/// `dotnet publish -c Release` of the Functions app into a temporary folder, once for every test that reads
/// it (one collection, so the minutes of publishing are spent once), deleted afterwards. What the folder holds
/// is exactly what azd zips and deploys.
/// </summary>
public sealed class PublishedAppFixture : IAsyncLifetime
{
    // A Release publish of the app and its five projects takes a minute or two on a loaded two-core machine.
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"hiia-functions-publish-{Environment.ProcessId}");

    public async Task InitializeAsync()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        var project = Path.Combine(RepositoryPaths.RepositoryRoot, "functions", "HiiaPublish.Functions", "HiiaPublish.Functions.csproj");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepositoryPaths.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // No lingering MSBuild nodes after the test run: everything this fixture starts ends with it.
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-o", Folder, "--nologo", "-v:q", "-nodeReuse:false" })
            start.ArgumentList.Add(argument);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish did not finish within {PublishTimeout.TotalMinutes} minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await output}\n{await errors}");
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedAppCollection : ICollectionFixture<PublishedAppFixture>
{
    public const string Name = "published Functions app";
}
