using System.Diagnostics;

namespace HiiaPublish.Testing;

/// <summary>Debian's chromium (installed by scripts/install-deps.sh), run headless to take screenshots for a person to look at.</summary>
public static class Chromium
{
    // Quiet, self-contained and CI-safe: no sandbox (containers), no GPU, no calls home, no first-run pages.
    private static readonly string[] HeadlessArguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>The chromium program, or null when it is not installed.</summary>
    public static string? Find() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    /// <summary>Writes a PNG of <paramref name="url"/> at <paramref name="windowSize"/> ("1280,1600"), with a profile in <paramref name="profileFolder"/>.</summary>
    public static Task ScreenshotAsync(string chromium, string profileFolder, string png, string windowSize, string url) =>
        RunAsync(chromium, [.. HeadlessArguments, $"--user-data-dir={profileFolder}", $"--screenshot={png}", $"--window-size={windowSize}", url]);

    private static async Task RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var drainOut = process.StandardOutput.ReadToEndAsync();
        var drainErr = process.StandardError.ReadToEndAsync();
        // A screenshot takes a few seconds; a minute means chromium hung, and the test must not hang with it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw new TimeoutException("chromium did not finish its screenshot within 60 s."); }
        await Task.WhenAll(drainOut, drainErr);
    }
}
