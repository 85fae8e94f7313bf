using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HiiaPublish.RedTeam;

/// <summary>One finished process as /usr/bin/time -v saw it: exit code, output, wall and CPU time, peak memory.</summary>
public sealed record Measured(int ExitCode, string Stdout, string Stderr, TimeSpan Wall, double CpuSeconds, double PeakMb, bool TimedOut)
{
    /// <summary>
    /// Exit codes `hiia` gives on purpose: 0 done, 1 the input has errors, 2 wrong usage. Anything else (134 from an
    /// unhandled exception, 137 from the kernel's out-of-memory killer) or a stack trace on the console is a crash.
    /// </summary>
    public bool Crashed => TimedOut || ExitCode is not (0 or 1 or 2)
        || Stderr.Contains("Unhandled exception", StringComparison.Ordinal)
        || Regex.IsMatch(Stderr, @"^\s+at [\w.]+\(", RegexOptions.Multiline);

    public bool Names(string code) => Stdout.Contains(code, StringComparison.Ordinal) || Stderr.Contains(code, StringComparison.Ordinal);

    /// <summary>The diagnostic codes the run printed, in order, once each.</summary>
    public IReadOnlyList<string> Codes => Regex.Matches(Stdout + "\n" + Stderr, @"\bHP\d{4}\b").Select(m => m.Value).Distinct().ToList();

    public string Summary
    {
        get
        {
            var codes = Codes.Count == 0 ? "no code" : string.Join(" ", Codes.Take(4)) + (Codes.Count > 4 ? " …" : "");
            var what = TimedOut ? "hung (killed)" : Crashed ? $"CRASH exit {ExitCode}" : $"exit {ExitCode}, {codes}";
            return string.Create(CultureInfo.InvariantCulture, $"{what}; {Wall.TotalSeconds:0.00} s wall, {CpuSeconds:0.00} s CPU, {PeakMb:0} MB");
        }
    }

    /// <summary>
    /// Runs <paramref name="file"/> under /usr/bin/time -v (its report goes to a file of its own, so the program's
    /// standard error stays the program's). A process that outlives <paramref name="timeout"/> is killed: a hang.
    /// </summary>
    public static async Task<Measured> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var report = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-v", "-o", report, file }.Concat(arguments)) start.ArgumentList.Add(argument);
        // Without a terminal the CLI's messages are the same; colour codes would only get in the way of the checks.
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("/usr/bin/time could not be started (apt-get install time).");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var timedOut = false;
        using (var wait = new CancellationTokenSource(timeout))
        {
            try { await process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        clock.Stop();
        var (cpu, peak, exitCode) = ParseTimeReport(File.Exists(report) ? await File.ReadAllTextAsync(report) : "", process.ExitCode);
        File.Delete(report);
        return new Measured(exitCode, await stdout, await stderr, clock.Elapsed, cpu, peak, timedOut);
    }

    // GNU time says "Command exited with non-zero status N" and "Command terminated by signal N"; its own exit code is
    // the command's, or 128 + the signal.
    private static (double Cpu, double PeakMb, int ExitCode) ParseTimeReport(string report, int exitCode)
    {
        double Seconds(string label) => Regex.Match(report, label + @":\s*([\d.]+)") is { Success: true } m
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var kilobytes = Regex.Match(report, @"Maximum resident set size \(kbytes\):\s*(\d+)") is { Success: true } k
            ? long.Parse(k.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        if (Regex.Match(report, @"Command terminated by signal (\d+)") is { Success: true } signal)
            exitCode = 128 + int.Parse(signal.Groups[1].Value, CultureInfo.InvariantCulture);
        return (Seconds(@"User time \(seconds\)") + Seconds(@"System time \(seconds\)"), kilobytes / 1024.0, exitCode);
    }
}
