using System.Diagnostics;

namespace HiiaPublish.Infrastructure.Tests.Support;

public sealed record BicepRun(int ExitCode, string Output, string Errors)
{
    public string Describe() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Errors}";
}

/// <summary>Runs the Bicep CLI that the test project downloads from NuGet (PackageDownload).</summary>
public static class BicepCli
{
    // A cold start of the 124 MB self-contained CLI takes a few seconds on a busy 2-core machine;
    // two minutes only trips on a hung process, never on a slow one.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static BicepRun Build(string bicepFile, string outputDirectory) =>
        Run("build", bicepFile, "--outdir", outputDirectory);

    public static SarifReport Lint(string bicepFile)
    {
        var run = Run("lint", bicepFile, "--diagnostics-format", "sarif");
        Assert.True(run.ExitCode == 0 || run.Output.TrimStart().StartsWith('{'), $"bicep lint failed to run: {run.Describe()}");
        return SarifReport.Parse(run.Output);
    }

    public static BicepRun Run(params string[] arguments)
    {
        Assert.True(File.Exists(TestEnvironment.BicepPath),
            $"Bicep CLI not found at {TestEnvironment.BicepPath}; `dotnet restore` downloads it (Azure.Bicep.CommandLine.linux-x64).");

        var start = new ProcessStartInfo(TestEnvironment.BicepPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Offline and quiet: no telemetry, no update check against the network.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}");
        }
        return new BicepRun(process.ExitCode, output.Result, errors.Result);
    }
}
