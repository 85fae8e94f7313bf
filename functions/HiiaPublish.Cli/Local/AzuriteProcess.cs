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

    private readonly Process _process;
    private readonly List<string> _errors = [];

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        (BlobPort, QueuePort, TablePort) = (blobPort, queuePort, tablePort);
    }

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
        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = dataFolder ?? Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var arguments = new List<string> { script, "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", blob.ToString(), "--queuePort", queue.ToString(), "--tablePort", table.ToString(),
            "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent" };
        arguments.AddRange(dataFolder is null ? ["--inMemoryPersistence"] : ["--location", dataFolder]);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var accounts = (extraAccounts ?? []).ToArray();
        if (accounts.Length > 0)
            start.Environment["AZURITE_ACCOUNTS"] = string.Join(';', new[] { DevelopmentAccount }.Concat(accounts).Select(a => $"{a}:{DevelopmentKey}"));

        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started to run Azurite.");
        var azurite = new AzuriteProcess(process, blob, queue, table);
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

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

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
