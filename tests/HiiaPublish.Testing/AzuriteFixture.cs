using Azure.Storage.Blobs;
using HiiaPublish.Cli.Local;

namespace HiiaPublish.Testing;

/// <summary>
/// One real Azurite for a test collection, started as `hiia serve` starts it (<see cref="AzuriteProcess"/>): in
/// memory, on free loopback ports, killed with its children at the end. Tests never see each other's storage: a
/// test takes a fresh account of its own (<see cref="NewAccountConnectionString"/>) for tables, queues and sites,
/// or a fresh container in the development account (<see cref="NewContainer"/>).
/// </summary>
/// <remarks>
/// xunit finds collection definitions only in the test assembly, so each test project that uses this fixture
/// declares its own one-line <c>AzuriteCollection</c>.
/// </remarks>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // More accounts than tests that need one; an account costs Azurite nothing until used.
    private const int Accounts = 64;
    private AzuriteProcess? _azurite;
    private int _nextAccount;
    private int _nextContainer;

    /// <summary>The development account (devstoreaccount1), which every test of the collection shares.</summary>
    public string ConnectionString => Running.ConnectionString();

    /// <summary>A storage account no other test uses.</summary>
    public string NewAccountConnectionString()
    {
        var n = Interlocked.Increment(ref _nextAccount);
        if (n > Accounts) throw new InvalidOperationException($"Only {Accounts} Azurite accounts exist; raise {nameof(Accounts)}.");
        return Running.ConnectionString(AccountName(n));
    }

    /// <summary>A fresh, uniquely named container in the development account, so tests never see each other's blobs.</summary>
    public BlobContainerClient NewContainer(string purpose) =>
        new BlobServiceClient(ConnectionString).GetBlobContainerClient($"{purpose}-{Interlocked.Increment(ref _nextContainer)}");

    public async Task InitializeAsync()
    {
        var script = AzuriteProcess.FindScript(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Azurite is not installed (.tools/azurite is missing). Run scripts/install-deps.sh, then run the tests again.");
        _azurite = await AzuriteProcess.StartAsync(script, dataFolder: null, Enumerable.Range(1, Accounts).Select(AccountName));
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    private AzuriteProcess Running => _azurite ?? throw new InvalidOperationException("Azurite is not started yet.");

    private static string AccountName(int n) => $"hiiatest{n:00}";
}
