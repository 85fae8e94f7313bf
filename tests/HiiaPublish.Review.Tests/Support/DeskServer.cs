using System.Net;
using System.Net.Sockets;
using HiiaPublish.Cli.Commands;

namespace HiiaPublish.Review.Tests.Support;

/// <summary>`hiia serve` in this process on a free loopback port, with the Azurite it starts itself; stopped on dispose.</summary>
public sealed class DeskServer : IAsyncDisposable
{
    // Azurite and the first request's JIT on a loaded two-core machine; normally about two seconds.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);

    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _output = new();
    private Task<int>? _running;

    public int Port { get; } = FreePort();
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var writer = TextWriter.Synchronized(_output);
        _running = Task.Run(() => new ServeCommand().RunAsync(["--port", Port.ToString()], writer, writer, _stop.Token));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartupTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_running.IsCompleted)
                throw new InvalidOperationException($"hiia serve stopped at start (exit {await _running}): {_output}");
            try
            {
                if ((await http.GetAsync($"{BaseUrl}/api/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"hiia serve did not answer within {StartupTimeout.TotalSeconds} s: {_output}");
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_running is not null) await _running;
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
