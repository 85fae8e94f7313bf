using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;

namespace HiiaPublish.Site.Tests.Support;

/// <summary>
/// A real Azurite (the storage emulator, installed by scripts/install-deps.sh into .tools/azurite), started
/// once for the test collection on free loopback ports, in memory, and killed with its children at the end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // Azurite's published development account: a fixed, public key that works only against the emulator.
    private const string DevelopmentAccount = "devstoreaccount1";
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    // Azurite starts in about a second; a loaded CI machine may need many times that.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly List<string> _errors = [];
    private Process? _process;
    private string? _workspace;
    private int _containerCounter;

    public int BlobPort { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccount};AccountKey={DevelopmentKey};BlobEndpoint=http://127.0.0.1:{BlobPort}/{DevelopmentAccount};";

    /// <summary>A fresh, uniquely named container, so tests never see each other's blobs.</summary>
    public BlobContainerClient NewContainer(string purpose) =>
        new BlobServiceClient(ConnectionString).GetBlobContainerClient($"{purpose}-{Interlocked.Increment(ref _containerCounter)}");

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepositoryRoot(), ".tools", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
            throw new InvalidOperationException($"Azurite is not installed ({script} is missing). Run scripts/install-deps.sh, then run the tests again.");

        BlobPort = FreePort();
        // Azurite keeps blobs in memory; the folder only catches anything it might still write beside it.
        var workspace = _workspace = Directory.CreateTempSubdirectory("hiia-azurite-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, "--inMemoryPersistence", "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(),
                     "--queuePort", FreePort().ToString(), "--tablePort", FreePort().ToString(), "--skipApiVersionCheck", "--loose",
                     "--disableTelemetry", "--silent" })
            start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started to run Azurite.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_errors) _errors.Add(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilListeningAsync();
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        if (_workspace is not null) Directory.Delete(_workspace, recursive: true);
        return Task.CompletedTask;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupTimeout)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"Azurite exited at start with code {_process.ExitCode}: {string.Join(" ", _errors)}. Run scripts/install-deps.sh and check that node works.");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, BlobPort);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"Azurite did not answer on port {BlobPort} within {StartupTimeout.TotalSeconds} s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HiiaPublish.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("HiiaPublish.sln not found above the test folder.");
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
