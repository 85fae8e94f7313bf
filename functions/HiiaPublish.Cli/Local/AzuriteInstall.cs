using System.Diagnostics;

namespace HiiaPublish.Cli.Local;

/// <summary>
/// Where `hiia serve` finds Azurite, the storage emulator: the repository's .tools/azurite (scripts/install-deps.sh),
/// then an `azurite` on PATH, then a copy `hiia` installed itself; when none is there it installs one with npm, once,
/// into the user's data folder, saying so first. An installed tool runs from any folder, far from the repository.
/// </summary>
internal static class AzuriteInstall
{
    // The version scripts/install-deps.sh installs, so that the tests and a user's `hiia serve` run the same emulator.
    public const string Version = "3.37.0";

    /// <summary>The folder `hiia` installs Azurite into: ~/.local/share/hiia on Linux, %LOCALAPPDATA%\hiia on Windows.</summary>
    public static string UserFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "hiia");

    /// <summary>The script to run with node, or null when Azurite is nowhere to be found.</summary>
    public static string? Find(string? path = null) =>
        AzuriteProcess.FindScript(Directory.GetCurrentDirectory(), AppContext.BaseDirectory, UserFolder)
        ?? OnPath(path ?? Environment.GetEnvironmentVariable("PATH"));

    /// <summary>An `azurite` command on PATH is npm's link to its script; the script is what node runs.</summary>
    public static string? OnPath(string? path)
    {
        foreach (var folder in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "azurite");
            if (!File.Exists(candidate)) continue;
            var target = new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
            // npm links bin/azurite to the package's dist/src/azurite.js; a wrapper script is no file for node.
            if (target.EndsWith(".js", StringComparison.Ordinal)) return target;
        }
        return null;
    }

    /// <summary>Installs Azurite with npm into <see cref="UserFolder"/>; the script, or null with what went wrong said.</summary>
    public static async Task<string?> InstallAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var target = Path.Combine(UserFolder, ".tools", "azurite");
        await log.WriteLineAsync($"hiia serve: Azurite (the storage emulator) is not installed; installing azurite@{Version} with npm into {target}. This happens once and takes a minute.");
        var npm = new ProcessStartInfo("npm") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "install", "--prefix", target, "--no-audit", "--no-fund", "--silent", $"azurite@{Version}" })
            npm.ArgumentList.Add(argument);
        try
        {
            Directory.CreateDirectory(target);
            using var process = Process.Start(npm)!;
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                await log.WriteLineAsync($"hiia serve: npm could not install Azurite (exit code {process.ExitCode}): {(await errors).Trim()}. " +
                    "Check the network, or install it yourself (npm install -g azurite) and run 'hiia serve' again, or pass --storage CONNECTION_STRING.");
                return null;
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
        {
            await log.WriteLineAsync($"hiia serve: Azurite is not installed, and npm could not be run to install it ({e.Message}). " +
                "Install Node.js (which brings npm), then run 'hiia serve' again; or pass --storage CONNECTION_STRING.");
            return null;
        }
        return AzuriteProcess.FindScript(UserFolder);
    }
}
