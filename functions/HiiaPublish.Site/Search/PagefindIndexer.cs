using System.Diagnostics;

namespace HiiaPublish.Site.Search;

/// <summary>What building the search index came to: how long it took, or why there is none.</summary>
public sealed record SearchIndexResult(bool Built, long Milliseconds, string Message);

/// <summary>
/// Builds the site's full-text search index with Pagefind (npm `pagefind`, its Linux binary from the npm registry)
/// into pagefind/ of a site folder: an index of every paper page (the part marked data-pagefind-body), in both
/// languages, split by page language. Where the binary is found, in this order: the HIIA_PAGEFIND environment
/// variable (a file path; how the Functions app is told where its copy is), pagefind/pagefind_extended beside the
/// program (a deployment package can carry it there), then node_modules/@pagefind/linux-x64/bin/pagefind_extended
/// in the program's folder, the current folder or any folder above them (a clone after scripts/install-deps.sh).
/// </summary>
public static class PagefindIndexer
{
    public const string OutputFolder = "pagefind";
    /// <summary>The language Pagefind files every page under (see <see cref="IndexFolderAsync(string, string?, CancellationToken)"/>).</summary>
    public const string IndexLanguage = "en";
    private const string BinaryName = "pagefind_extended";
    private static readonly string NpmBinary = Path.Combine("node_modules", "@pagefind", "linux-x64", "bin", BinaryName);

    public static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("HIIA_PAGEFIND") is { Length: > 0 } configured)
            return File.Exists(configured) ? configured : null;
        var beside = Path.Combine(AppContext.BaseDirectory, OutputFolder, BinaryName);
        if (File.Exists(beside)) return beside;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, NpmBinary);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// The binary itself when it may be executed; otherwise a copy in the temp folder with its execute bit set. A
    /// deployment zip may carry the file without its mode (the Functions app's package does), and the app's own
    /// folder is read-only on Azure, so the mode cannot be set where the file is.
    /// </summary>
    public static string Runnable(string binary)
    {
        const UnixFileMode execute = UnixFileMode.UserExecute;
        if (OperatingSystem.IsWindows() || !File.Exists(binary) || (File.GetUnixFileMode(binary) & execute) != 0) return binary;
        var info = new FileInfo(binary);
        // Named by the file's size and time, so a newer package gets a fresh copy and concurrent runs share one.
        var folder = Path.Combine(Path.GetTempPath(), $"hiia-pagefind-{info.Length}-{info.LastWriteTimeUtc.Ticks}");
        var copy = Path.Combine(folder, BinaryName);
        if (File.Exists(copy) && (File.GetUnixFileMode(copy) & execute) != 0) return copy;
        Directory.CreateDirectory(folder);
        var temp = copy + "." + Environment.ProcessId + ".tmp";
        File.Copy(binary, temp, overwrite: true);
        File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.Move(temp, copy, overwrite: true);
        return copy;
    }

    /// <summary>Indexes <paramref name="siteFolder"/>; never throws for a missing or failing binary, it says so instead.</summary>
    public static Task<SearchIndexResult> IndexFolderAsync(string siteFolder, CancellationToken cancellationToken = default) =>
        IndexFolderAsync(siteFolder, Locate(), cancellationToken);

    /// <summary>Indexes with the Pagefind program at <paramref name="binary"/> (null: none was found).</summary>
    public static Task<SearchIndexResult> IndexFolderAsync(string siteFolder, string? binary, CancellationToken cancellationToken) =>
        RunAsync(siteFolder, ["--output-subdir", OutputFolder], binary, cancellationToken);

    /// <summary>
    /// Indexes the pages under <paramref name="pagesFolder"/> (laid out at their site paths) into <paramref name="outputFolder"/>,
    /// an absolute path anywhere: how a search segment of a few papers is built without touching pagefind/.
    /// </summary>
    public static Task<SearchIndexResult> IndexIntoAsync(string pagesFolder, string outputFolder, string? binary, CancellationToken cancellationToken) =>
        RunAsync(pagesFolder, ["--output-path", Path.GetFullPath(outputFolder)], binary, cancellationToken);

    private static async Task<SearchIndexResult> RunAsync(string siteFolder, string[] output, string? binary, CancellationToken cancellationToken)
    {
        if (binary is null)
            return new SearchIndexResult(false, 0,
                "search index not built: the Pagefind binary was not found. Run `bash scripts/install-deps.sh` at the repository root " +
                "(it installs node_modules/@pagefind/linux-x64), or set HIIA_PAGEFIND to the path of pagefind_extended, then publish again.");
        try { binary = Runnable(binary); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SearchIndexResult(false, 0, $"search index not built: {binary} could not be made runnable ({e.Message}).");
        }
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // One index for both languages: Pagefind would otherwise split it by <html lang> and let each search page search
        // only its own language's papers, while the page promises every paper in English and Hungarian. Words of both
        // languages pass the same (English) stemmer when indexed and when searched, so a Hungarian word still finds
        // its paper; what is lost is only Hungarian stemming (a suffixed form finds the form written, not its stem).
        foreach (var argument in (string[])["--site", siteFolder, .. output, "--force-language", IndexLanguage, "--quiet"])
            start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // 5,000 papers index in under a minute even on a busy machine (docs/performance.md); five minutes mean a hang.
            timeout.CancelAfter(TimeSpan.FromMinutes(5));
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
            var errors = await stderr;
            await stdout;
            return process.ExitCode == 0
                ? new SearchIndexResult(true, clock.ElapsedMilliseconds, $"search index built in {clock.ElapsedMilliseconds} ms")
                : new SearchIndexResult(false, clock.ElapsedMilliseconds, $"search index not built: Pagefind stopped with exit code {process.ExitCode}: {errors.Trim()}");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or OperationCanceledException)
        {
            return new SearchIndexResult(false, clock.ElapsedMilliseconds, $"search index not built: {binary} could not run ({e.Message}).");
        }
    }
}
