using System.Diagnostics;
using Azure.Storage.Queues;
using HiiaPublish.Cli.Local;

namespace HiiaPublish.Cli.Tests;

/// <summary>
/// Issue 15, `hiia serve --data` on a laptop: a normal stop lets Azurite save, so what was acknowledged before it is
/// there at the next start; and an Azurite left behind by a serve killed with kill -9 is found and stopped by the next
/// start, never doubled.
/// </summary>
public sealed class ServeSafetyTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("hiia-serve-data-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    private static string Script() => AzuriteProcess.FindScript(RepositoryPaths.RepositoryRoot)
        ?? throw new InvalidOperationException("Azurite is not installed; run scripts/install-deps.sh.");

    [Fact]
    public async Task AMessageSentJustBeforeANormalStop_IsThereAfterARestart()
    {
        await using (var first = await AzuriteProcess.StartAsync(Script(), _data))
        {
            var queue = new QueueClient(first.ConnectionString(), "render");
            await queue.CreateIfNotExistsAsync();
            await queue.SendMessageAsync("acknowledged just before the stop");
        } // stopped at once: well within Azurite's five seconds between saves

        await using var second = await AzuriteProcess.StartAsync(Script(), _data);
        var messages = await new QueueClient(second.ConnectionString(), "render").ReceiveMessagesAsync(10);

        Assert.Contains(messages.Value, m => m.MessageText == "acknowledged just before the stop");
    }

    [Fact]
    public async Task AnAzuriteOrphanedByAKilledServe_IsStoppedByTheNextStart()
    {
        var orphan = await AzuriteProcess.StartAsync(Script(), _data);
        var orphanPid = orphan.ProcessId;
        Assert.Equal(orphanPid.ToString(), await File.ReadAllTextAsync(Path.Combine(_data, AzuriteProcess.PidFileName)));
        // serve is killed with -9: nothing disposes `orphan`; its Azurite keeps running on the data folder.

        await using var restarted = await AzuriteProcess.StartAsync(Script(), _data);

        using var old = TryGetProcess(orphanPid);
        Assert.True(old is null || old.HasExited, "the orphaned Azurite still runs beside the new one");
        Assert.Equal(restarted.ProcessId.ToString(), await File.ReadAllTextAsync(Path.Combine(_data, AzuriteProcess.PidFileName)));
        var queue = new QueueClient(restarted.ConnectionString(), "publish");
        await queue.CreateIfNotExistsAsync(); // the new one answers
    }

    [Fact]
    public async Task OnlyLoopbackHostsAreAnswered_AndStorageDownIs503WithRetryAfter()
    {
        // Azurite is down: every storage endpoint points at a closed port.
        var down = $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.DevelopmentAccount};AccountKey={AzuriteProcess.DevelopmentKey};" +
                   $"BlobEndpoint=http://127.0.0.1:1/{AzuriteProcess.DevelopmentAccount};QueueEndpoint=http://127.0.0.1:1/{AzuriteProcess.DevelopmentAccount};TableEndpoint=http://127.0.0.1:1/{AzuriteProcess.DevelopmentAccount};";
        var port = FreePort();
        await using var app = Commands.ServeCommand.Build(down, port);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(120) };
        var principal = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            "{\"claims\":[{\"typ\":\"oid\",\"val\":\"eva\"},{\"typ\":\"name\",\"val\":\"Eva\"},{\"typ\":\"roles\",\"val\":\"Editor\"}],\"name_typ\":\"name\",\"role_typ\":\"roles\"}"));

        HttpRequestMessage Request(string host)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "api/drafts");
            request.Headers.Host = host;
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
            return request;
        }

        // A page that rebound its own name to 127.0.0.1 sends its own name as Host.
        foreach (var foreign in new[] { "attacker.example", $"attacker.example:{port}", "127.0.0.1.attacker.example" })
            Assert.Equal((System.Net.HttpStatusCode)421, (await http.SendAsync(Request(foreign))).StatusCode);

        foreach (var loopback in new[] { $"127.0.0.1:{port}", $"localhost:{port}", $"[::1]:{port}" })
        {
            var answer = await http.SendAsync(Request(loopback));
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(LoopbackGuard.RetryAfterSeconds), answer.Headers.RetryAfter?.Delta);
        }
        await app.StopAsync();
    }

    [Fact]
    public async Task AKillNineOfServe_TakesItsInMemoryAzuriteWithIt()
    {
        // serve as its own process, as a developer runs it (no --data: nothing would ever stop an orphan of this one).
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "hiia.dll"), "serve", "--port", port.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var serve = Process.Start(start)!;
        serve.OutputDataReceived += (_, _) => { };
        serve.ErrorDataReceived += (_, _) => { };
        serve.BeginOutputReadLine();
        serve.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            var azurite = await WaitForAsync(async () =>
            {
                try { using var health = await http.GetAsync("api/health"); if (!health.IsSuccessStatusCode) return (int?)null; }
                catch (HttpRequestException) { return null; }
                return ChildrenOf(serve.Id).FirstOrDefault(pid => CommandLine(pid).Contains("azurite", StringComparison.Ordinal)) is var child and > 0 ? child : null;
            }, TimeSpan.FromSeconds(120));
            Assert.True(azurite is not null, "serve did not start with an Azurite of its own");

            serve.Kill(entireProcessTree: false); // SIGKILL to serve alone, as `kill -9 PID` does
            await serve.WaitForExitAsync();

            var gone = await WaitForAsync(() => Task.FromResult(File.Exists($"/proc/{azurite}/cmdline") && CommandLine(azurite!.Value).Contains("azurite", StringComparison.Ordinal) ? (bool?)null : true),
                TimeSpan.FromSeconds(30));
            Assert.True(gone == true, $"Azurite (pid {azurite}) still runs 30 s after its serve was killed with -9");
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
        }
    }

    private static async Task<T?> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan patience) where T : struct
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(200);
        }
        return null;
    }

    private static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
    }

    // The processes whose parent is `parent`, from /proc/PID/stat (the parent is the field after the state, behind
    // the command name in parentheses, which may itself hold spaces).
    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && int.TryParse(fields[1], out var ppid) && ppid == parent) yield return pid;
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process? TryGetProcess(int pid)
    {
        try { return Process.GetProcessById(pid); }
        catch (ArgumentException) { return null; }
    }
}
