using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HiiaPublish.Cli.Local;

/// <summary>
/// Azurite, the storage emulator (installed by scripts/install-deps.sh into .tools/azurite), started on free
/// loopback ports and killed with its children on dispose. Used by `hiia serve` when no storage is given and
/// by the tests. Extra accounts let each test have storage of its own. It lives in `hiia`, never in what is
/// deployed to Azure: the emulator's key has no business there (a test scans the deployed assemblies for it).
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's published development key: public, and accepted only by the emulator.
    public const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    public const string DevelopmentAccount = "devstoreaccount1";
    // Azurite answers in about a second; a loaded two-core machine may need many times that.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    // Issue 15: in a data folder, the pid of the Azurite that uses it, so a restart after a kill -9 of serve finds the
    // orphan and stops it instead of starting a second Azurite on the same files.
    public const string PidFileName = "hiia-serve-azurite.pid";
    // Azurite saves its in-memory state to the data folder on a normal stop (and every few seconds); a stop waits this long.
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly List<string> _errors = [];
    private readonly string? _dataFolder;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort, string? dataFolder)
    {
        _process = process;
        (BlobPort, QueuePort, TablePort) = (blobPort, queuePort, tablePort);
        _dataFolder = dataFolder;
    }

    public int ProcessId => _process.Id;

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString(string account = DevelopmentAccount) =>
        $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={DevelopmentKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{account};QueueEndpoint=http://127.0.0.1:{QueuePort}/{account};TableEndpoint=http://127.0.0.1:{TablePort}/{account};";

    /// <summary>The emulator's start script under .tools/azurite, searched upwards from the given folders; null when not installed.</summary>
    public static string? FindScript(params string[] startFolders)
    {
        foreach (var start in startFolders)
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var script = Path.Combine(dir.FullName, ".tools", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
                if (File.Exists(script)) return script;
            }
        return null;
    }

    /// <param name="dataFolder">Where Azurite keeps its data; null keeps everything in memory.</param>
    /// <param name="extraAccounts">Account names besides the development account, all with the development key.</param>
    public static async Task<AzuriteProcess> StartAsync(string script, string? dataFolder, IEnumerable<string>? extraAccounts = null)
    {
        if (dataFolder is not null)
        {
            Directory.CreateDirectory(dataFolder);
            await StopOrphanAsync(dataFolder);
        }
        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = dataFolder ?? Path.GetTempPath(),
            // Azurite's standard input is a pipe only this process writes to: when this process ends in any way (kill -9
            // included), the pipe closes and the watch below stops Azurite as SIGTERM would, saving what it holds.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var arguments = new List<string> { "--require", await ParentWatchAsync(), script, "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", blob.ToString(), "--queuePort", queue.ToString(), "--tablePort", table.ToString(),
            "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent" };
        arguments.AddRange(dataFolder is null ? ["--inMemoryPersistence"] : ["--location", dataFolder]);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var accounts = (extraAccounts ?? []).ToArray();
        if (accounts.Length > 0)
            start.Environment["AZURITE_ACCOUNTS"] = string.Join(';', new[] { DevelopmentAccount }.Concat(accounts).Select(a => $"{a}:{DevelopmentKey}"));

        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started to run Azurite.");
        var azurite = new AzuriteProcess(process, blob, queue, table, dataFolder);
        if (dataFolder is not null) await File.WriteAllTextAsync(Path.Combine(dataFolder, PidFileName), process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (azurite._errors) azurite._errors.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            foreach (var port in new[] { blob, queue, table }) await azurite.WaitUntilListeningAsync(port);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
        return azurite;
    }

    // Loaded into Azurite's node before Azurite itself: the end of standard input means that the hiia process that
    // started it is gone, so Azurite is sent SIGTERM, which it answers by saving and exiting. Without this a kill -9 of
    // serve left Azurite running, and an in-memory one ran until the machine restarted (issue 15's red-team rerun).
    // unref: reading standard input must not keep node alive once Azurite has closed its servers on a normal stop.
    private const string ParentWatchScript =
        "process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM')); process.stdin.on('error', () => {}); " +
        "process.stdin.resume(); if (typeof process.stdin.unref === 'function') process.stdin.unref();\n";

    /// <summary>The watch script's file, written once per user into the temporary folder (same bytes every time).</summary>
    private static async Task<string> ParentWatchAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hiia-azurite-parent-watch-{Environment.UserName}.js");
        if (!File.Exists(path) || await File.ReadAllTextAsync(path) != ParentWatchScript)
        {
            var written = path + "." + Environment.ProcessId + ".tmp";
            await File.WriteAllTextAsync(written, ParentWatchScript);
            File.Move(written, path, overwrite: true);
        }
        return path;
    }

    /// <summary>
    /// Stops Azurite. With a data folder, gently (SIGTERM, as Ctrl+C would), waiting for it to save and exit, so what was
    /// acknowledged before the stop is there at the next start; only a process that does not stop is killed.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            if (_dataFolder is not null && Terminate(_process.Id))
            {
                using var wait = new CancellationTokenSource(GracefulStop);
                try { await _process.WaitForExitAsync(wait.Token); } catch (OperationCanceledException) { }
            }
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        if (_dataFolder is not null) File.Delete(Path.Combine(_dataFolder, PidFileName));
        _process.Dispose();
    }

    /// <summary>An Azurite left running on this data folder by a serve that was killed (kill -9): stopped, and waited for.</summary>
    private static async Task StopOrphanAsync(string dataFolder)
    {
        var pidFile = Path.Combine(dataFolder, PidFileName);
        if (!File.Exists(pidFile)) return;
        if (int.TryParse(await File.ReadAllTextAsync(pidFile), out var pid) && IsAzuriteOn(pid, dataFolder) is { } orphan)
        {
            using (orphan)
            {
                Console.Error.WriteLine($"hiia serve: Azurite (pid {pid}) from an earlier run still uses {dataFolder}; stopping it first.");
                Terminate(pid);
                using var wait = new CancellationTokenSource(GracefulStop);
                try { await orphan.WaitForExitAsync(wait.Token); } catch (OperationCanceledException) { }
                if (!orphan.HasExited) orphan.Kill(entireProcessTree: true);
            }
        }
        File.Delete(pidFile);
    }

    // Only a node process whose command line names this data folder counts: the pid may have been reused since.
    private static Process? IsAzuriteOn(int pid, string dataFolder)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            if (!commandLine.Contains("azurite", StringComparison.Ordinal) || !commandLine.Contains(dataFolder, StringComparison.Ordinal)) return null;
            return Process.GetProcessById(pid);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool Terminate(int pid)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return false;
        try { return Kill(pid, 15) == 0; }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

#pragma warning disable SYSLIB1054 // DllImport: LibraryImport would need unsafe code in this project
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054

    private async Task WaitUntilListeningAsync(int port)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartupTimeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Azurite exited at start with code {_process.ExitCode}: {string.Join(" ", _errors)}. Run scripts/install-deps.sh and check that node works.");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"Azurite did not answer on port {port} within {StartupTimeout.TotalSeconds} s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
