using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HiiaPublish.Cli.Local;

/// <summary>
/// Issue 15, `hiia serve` on a laptop. It trusts the principal header, so a web page that rebinds its own DNS name to
/// 127.0.0.1 could otherwise act as any copy editor: only requests whose Host names the loopback interface are
/// answered (others get 421 Misdirected Request). And when its storage (Azurite) is down, a request gets 503 with
/// Retry-After instead of a 500, and the console says what happened.
/// </summary>
internal static class LoopbackGuard
{
    public const int RetryAfterSeconds = 10;

    /// <param name="storage">The connection string: its loopback endpoints (a local Azurite) are probed before each API
    /// or site request, since the API answers a storage failure as a 500 of its own.</param>
    public static void Use(WebApplication app, string storage, TextWriter? console = null)
    {
        console ??= Console.Error;
        var probes = LoopbackEndpoints(storage);
        app.Use(async (context, next) =>
        {
            if (!IsLoopbackHost(context.Request.Host.Host))
            {
                context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
                await context.Response.WriteAsync("hiia serve answers only requests addressed to 127.0.0.1, [::1] or localhost.");
                return;
            }
            var path = context.Request.Path;
            var needsStorage = path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/health") && !path.StartsWithSegments("/api/openapi.json")
                || path.StartsWithSegments("/site");
            if (needsStorage && await UnreachableAsync(probes, context.RequestAborted) is { } down)
            {
                await StorageDownAsync(context, console, $"nothing listens on {down}");
                return;
            }
            try
            {
                await next(context);
            }
            catch (Exception exception) when (IsStorageUnreachable(exception) && !context.Response.HasStarted)
            {
                await StorageDownAsync(context, console, Innermost(exception).Message);
            }
        });
    }

    private static async Task StorageDownAsync(HttpContext context, TextWriter console, string why)
    {
        console.WriteLine($"hiia serve: storage is not answering ({why}); {context.Request.Method} {context.Request.Path} was answered 503. Is Azurite running?");
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.Response.WriteAsync($"Storage is not answering; nothing was changed. Try again in {RetryAfterSeconds} seconds.");
    }

    private static IReadOnlyList<(string Host, int Port)> LoopbackEndpoints(string storage) =>
        storage.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].EndsWith("Endpoint", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(pair[1], UriKind.Absolute, out _))
            .Select(pair => new Uri(pair[1]))
            .Where(uri => IsLoopbackHost(uri.Host))
            .Select(uri => (uri.Host, uri.Port))
            .Distinct()
            .ToArray();

    /// <summary>The first endpoint that refuses a connection ("127.0.0.1:10001"), or null when all answer.</summary>
    private static async Task<string?> UnreachableAsync(IReadOnlyList<(string Host, int Port)> endpoints, CancellationToken cancellationToken)
    {
        foreach (var (host, port) in endpoints)
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            try { await client.ConnectAsync(host.Trim('[', ']'), port, timeout.Token); }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException) { return $"{host}:{port}"; }
        }
        return null;
    }

    public static bool IsLoopbackHost(string host)
    {
        if (string.IsNullOrEmpty(host)) return false;
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    private static bool IsStorageUnreachable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException or HttpRequestException) return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsStorageUnreachable)) return true;
        }
        return false;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null) exception = exception.InnerException;
        return exception;
    }
}
