using HiiaPublish.Cli.Local;

namespace HiiaPublish.Functions.Tests.Support;

/// <summary>
/// One real Azurite for the test collection, in memory, on free loopback ports. It serves many storage
/// accounts, and each test takes a fresh one, so tests never see each other's tables, queues or sites.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // More accounts than tests that need one; an account costs Azurite nothing until used.
    private const int Accounts = 64;
    private AzuriteProcess? _azurite;
    private int _next;

    public string NewAccountConnectionString()
    {
        var n = Interlocked.Increment(ref _next);
        if (n > Accounts) throw new InvalidOperationException($"Only {Accounts} Azurite accounts exist; raise {nameof(Accounts)}.");
        return _azurite!.ConnectionString(AccountName(n));
    }

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

    private static string AccountName(int n) => $"hiiatest{n:00}";
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
