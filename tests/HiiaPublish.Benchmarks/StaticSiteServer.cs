using System.Net;
using System.Net.Sockets;

namespace HiiaPublish.Benchmarks;

/// <summary>
/// A site folder served over HTTP on 127.0.0.1 as static hosting serves it (each file as it is, a folder's index.html
/// for its address, 404 otherwise), for the search benchmark: Playwright's request routing passes every request
/// through this process's event loop and added tens of milliseconds to each of a query's chunk and fragment fetches,
/// which a reader's browser talking to a web server never pays.
/// </summary>
internal sealed class StaticSiteServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _folder;
    private readonly Task _serving;

    public StaticSiteServer(string folder)
    {
        _folder = folder;
        var port = FreePort();
        Origin = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Origin);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Origin { get; }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => Answer(context));
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        try
        {
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath.TrimStart('/'));
            var file = Path.GetFullPath(Path.Combine(_folder, path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path));
            if (!file.StartsWith(Path.GetFullPath(_folder), StringComparison.Ordinal) || !File.Exists(file))
            {
                context.Response.StatusCode = 404;
                context.Response.Close();
                return;
            }
            var bytes = await File.ReadAllBytesAsync(file);
            context.Response.ContentType = Path.GetExtension(file) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".json" => "application/json",
                ".svg" => "image/svg+xml",
                ".woff2" => "font/woff2",
                _ => "application/octet-stream",
            };
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The browser went away mid-answer: nothing to do.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _serving.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
