using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using HiiaPublish.Testing;

namespace HiiaPublish.RedTeam;

/// <summary>
/// The attacks on `hiia serve` as a separate process with its own Azurite in a --data folder: the Host header, the
/// upload's answer time, a stop right after a 202, kill -9 and a restart, and storage going down under it.
/// </summary>
public sealed class ServeAttacks(string hiia, string work, string sample, Action<Finding> report)
{
    private static readonly TimeSpan UploadTarget = TimeSpan.FromSeconds(1);

    private static string Principal(string id, string role) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        claims = new[] { new { typ = "oid", val = id }, new { typ = "name", val = id }, new { typ = "roles", val = role } },
        name_typ = "name",
        role_typ = "roles",
    })));

    private static readonly string Editor = Principal("eva", "Editor");

    private sealed class Serve(Process process, int port, string log) : IDisposable
    {
        public Process Process { get; } = process;
        public int Port { get; } = port;
        public string Log => File.Exists(log) ? File.ReadAllText(log) : "";
        public HttpClient Http { get; } = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };

        public void Dispose()
        {
            Http.Dispose();
            if (!Process.HasExited) { Process.Kill(entireProcessTree: true); Process.WaitForExit(20_000); }
            Process.Dispose();
        }
    }

    private async Task<Serve> StartAsync(string data, string? storage = null)
    {
        var port = FreePort();
        var log = Path.Combine(work, $"serve-{port}.log");
        // Through a shell so that its output goes to a file: the harness must be able to kill serve with -9 and still
        // read what it printed.
        var arguments = storage is null ? $"--data '{data}'" : $"--storage '{storage}'";
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"exec '{hiia}' serve --port {port} {arguments} > '{log}' 2>&1"]) { UseShellExecute = false };
        var process = Process.Start(start)!;
        var serve = new Serve(process, port, log);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited) throw new InvalidOperationException($"hiia serve exited at start: {serve.Log}");
            try
            {
                using var health = await serve.Http.GetAsync("api/health");
                if (health.IsSuccessStatusCode) return serve;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        serve.Dispose();
        throw new TimeoutException("hiia serve did not answer within 120 s.");
    }

    private static MultipartFormDataContent Files(IEnumerable<(string Name, string Type, byte[] Bytes)> files)
    {
        var content = new MultipartFormDataContent("hiia-red-team");
        foreach (var (name, type, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            content.Add(part, "files", name);
        }
        return content;
    }

    private IReadOnlyList<(string, string, byte[])> Sample(string slug)
    {
        var markdown = File.ReadAllText(Path.Combine(sample, "middle-corridor.md")).Replace("\nslug: middle-corridor\n", $"\nslug: {slug}\n", StringComparison.Ordinal);
        return
        [
            ("middle-corridor.md", "text/markdown", Encoding.UTF8.GetBytes(markdown)),
            ("cover.png", "image/png", File.ReadAllBytes(Path.Combine(sample, "cover.png"))),
            ("corridor-volumes.png", "image/png", File.ReadAllBytes(Path.Combine(sample, "corridor-volumes.png"))),
        ];
    }

    private static async Task<(int Status, string Body, TimeSpan Answered)> UploadAsync(Serve serve, IEnumerable<(string, string, byte[])> files)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/drafts") { Content = Files(files) };
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", Editor);
        var clock = Stopwatch.StartNew();
        using var response = await serve.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, body, clock.Elapsed);
    }

    private static async Task<(int Status, string Body, HttpResponseHeaders Headers)> GetAsync(Serve serve, string path, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", Editor);
        if (host is not null) request.Headers.Host = host;
        using var response = await serve.Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers);
    }

    private static string Revision(string body) => JsonDocument.Parse(body).RootElement.GetProperty("revision").GetString()!;

    private static async Task<bool> HasRevisionAsync(Serve serve, string slug, string revision)
    {
        var (status, body, _) = await GetAsync(serve, $"api/drafts/{slug}");
        return status == 200 && body.Contains(revision, StringComparison.Ordinal);
    }

    public async Task RunAsync()
    {
        var data = Path.Combine(work, "serve-data");
        if (Directory.Exists(data)) Directory.Delete(data, true);
        Directory.CreateDirectory(data);

        await StopRightAfterStartAsync();
        var serve = await StartAsync(data);
        try
        {
            await HostHeaderAsync(serve);
            await UploadAnswersAsync(serve);
            serve = await StopRightAfterAcceptAsync(serve, data);
            serve = await KillNineAsync(serve, data);
            await StorageDownAsync(serve, data);
        }
        finally
        {
            serve.Dispose();
            foreach (var pid in AzuritesOn(data)) Signal(pid, 9);
        }
    }

    private async Task HostHeaderAsync(Serve serve)
    {
        foreach (var host in new[] { "evil.example", $"evil.example:{serve.Port}", $"127.0.0.1.nip.io:{serve.Port}", $"localhost.evil.example:{serve.Port}", "[::2]", "0.0.0.0" })
        {
            var (status, _, _) = await GetAsync(serve, "api/drafts", host);
            report(new Finding("hiia serve", $"GET /api/drafts with Host: {host} and a principal header", "421 or 400", status.ToString(CultureInfo.InvariantCulture), status is 421 or 400));
        }
        var (ok, _, _) = await GetAsync(serve, "api/drafts", $"localhost:{serve.Port}");
        report(new Finding("hiia serve", $"GET /api/drafts with Host: localhost:{serve.Port}", "200", ok.ToString(CultureInfo.InvariantCulture), ok == 200));
    }

    private async Task UploadAnswersAsync(Serve serve)
    {
        var first = await UploadAsync(serve, Sample("red-warm-up"));
        var times = new List<TimeSpan>();
        for (var i = 0; i < 3; i++) times.Add((await UploadAsync(serve, Sample($"red-sample-{i}"))).Answered);
        report(new Finding("Upload", "the English sample, 3 uploads after a first", "202 each, answered ≤ 1 s",
            $"{first.Status}; {string.Join(", ", times.Select(Ms))}", first.Status == 202 && times.All(t => t <= UploadTarget)));

        var corrupt = await UploadAsync(serve, [("garbage.md", "text/markdown", Encoding.UTF8.GetBytes(Hostile.WithFigure("Garbage JPEG", "f.jpg", "slug: garbage-jpeg"))),
            ("f.jpg", "image/jpeg", Hostile.JpegWithGarbageData())]);
        report(new Finding("Upload", "a draft whose JPEG has a real frame header and garbage data", "422 with HP0070, ≤ 1 s",
            $"{corrupt.Status}, {(corrupt.Body.Contains("HP0070", StringComparison.Ordinal) ? "HP0070" : "no HP0070")}, {Ms(corrupt.Answered)}",
            corrupt.Status == 422 && corrupt.Body.Contains("HP0070", StringComparison.Ordinal) && corrupt.Answered <= UploadTarget));

        var truncated = await UploadAsync(serve, [("cut.md", "text/markdown", Encoding.UTF8.GetBytes(Hostile.WithFigure("Cut PNG", "f.png", "slug: cut-png"))),
            ("f.png", "image/png", Hostile.PngTruncated())]);
        report(new Finding("Upload", "a draft whose PNG is cut in half", "422 with HP0070", $"{truncated.Status}, {Ms(truncated.Answered)}",
            truncated.Status == 422 && truncated.Body.Contains("HP0070", StringComparison.Ordinal)));

        var nonCharacter = await UploadAsync(serve, [("nc.md", "text/markdown", Encoding.UTF8.GetBytes(Hostile.FrontMatter("Foo\uFFFEBar", "slug: non-character")))]);
        report(new Finding("Upload", "a title with U+FFFE", "422 with HP0064, never 500", $"{nonCharacter.Status}",
            nonCharacter.Status == 422 && nonCharacter.Body.Contains("HP0064", StringComparison.Ordinal)));

        // Two papers whose titles slug alike, by different authors: the second is refused, naming the first.
        var foo = await UploadAsync(serve, [("a.md", "text/markdown", Encoding.UTF8.GetBytes(Hostile.FrontMatter("Foo Bar") + "Text.\n"))]);
        var other = await UploadAsync(serve, [("b.md", "text/markdown", Encoding.UTF8.GetBytes(Hostile.FrontMatter("Főő Bár").Replace("Anna Kovács", "Béla Nagy", StringComparison.Ordinal) + "Text.\n"))]);
        report(new Finding("Upload", "\"Foo Bar\" then \"Főő Bár\" by another author", "202, then 422 HP0722 naming \"Foo Bar\"", $"{foo.Status}, {other.Status}",
            foo.Status == 202 && other.Status == 422 && other.Body.Contains("HP0722", StringComparison.Ordinal) && other.Body.Contains("Foo Bar", StringComparison.Ordinal)));

        // While renders run: large drafts one after another, so each meets the render of the one before.
        var prose = Hostile.Repeat("Prose Under Load", Hostile.LongerProse, Hostile.NearLimit - 200, paragraphs: true);
        var loaded = new List<(int Status, TimeSpan Answered)>();
        for (var i = 0; i < 4; i++)
        {
            var draft = prose.Replace("title: \"Prose Under Load\"", $"title: \"Prose Under Load {i}\"\nslug: prose-under-load-{i}", StringComparison.Ordinal);
            var answer = await UploadAsync(serve, [($"prose-{i}.md", "text/markdown", Encoding.UTF8.GetBytes(draft))]);
            loaded.Add((answer.Status, answer.Answered));
            if (answer.Status != 202) Console.Error.WriteLine($"  upload of 2 MB of prose answered {answer.Status}: {answer.Body[..Math.Min(400, answer.Body.Length)]}");
        }
        report(new Finding("Upload", "2 MB of prose, 4 uploads while the earlier ones render", "202 each, answered ≤ 1 s",
            string.Join(", ", loaded.Select(l => $"{l.Status} {Ms(l.Answered)}")), loaded.All(l => l.Status == 202 && l.Answered <= UploadTarget)));
    }

    /// <summary>Ctrl+C as soon as serve answers its first request, while its queues may still be being created.</summary>
    private async Task StopRightAfterStartAsync()
    {
        var data = Path.Combine(work, "serve-data-early-stop");
        Directory.CreateDirectory(data);
        var serve = await StartAsync(data);
        Signal(serve.Process.Id, 15);
        var stopped = serve.Process.WaitForExit(60_000);
        var exit = stopped ? serve.Process.ExitCode : -1;
        var log = serve.Log;
        serve.Dispose();
        report(new Finding("hiia serve", "SIGTERM as soon as serve answers (--data)", "exit 0, no stack trace, its Azurite stopped",
            $"exit {exit}{(log.Contains("Unhandled exception", StringComparison.Ordinal) ? ", UNHANDLED EXCEPTION" : "")}; {AzuritesOn(data).Count} Azurite left",
            exit == 0 && !log.Contains("Unhandled exception", StringComparison.Ordinal) && AzuritesOn(data).Count == 0));
    }

    private async Task<Serve> StopRightAfterAcceptAsync(Serve serve, string data)
    {
        foreach (var (signal, name) in new[] { (15, "SIGTERM"), (2, "SIGINT (Ctrl+C)") })
        {
            var slug = $"stopped-by-{signal}";
            var accepted = await UploadAsync(serve, Sample(slug));
            var clock = Stopwatch.StartNew();
            Signal(serve.Process.Id, signal);
            var stopped = serve.Process.WaitForExit(60_000);
            var took = clock.Elapsed;
            var exit = stopped ? serve.Process.ExitCode : -1;
            var left = AzuritesOn(data);
            serve.Dispose();
            report(new Finding("hiia serve", $"{name} within 1 s of a 202 (--data): serve stops", "exits 0 within 30 s, its Azurite stopped",
                $"{(stopped ? "exit " + exit.ToString(CultureInfo.InvariantCulture) : "still running")} after {took.TotalSeconds:0.0} s; {left.Count} Azurite left",
                stopped && exit == 0 && took < TimeSpan.FromSeconds(30) && left.Count == 0));
            serve = await StartAsync(data);
            var kept = accepted.Status == 202 && await HasRevisionAsync(serve, slug, Revision(accepted.Body));
            report(new Finding("hiia serve", $"{name} within 1 s of a 202 (--data): after a restart", "the upload is there",
                kept ? "there" : $"LOST (upload answered {accepted.Status})", kept));
        }
        return serve;
    }

    private async Task<Serve> KillNineAsync(Serve serve, string data)
    {
        var slug = "killed-nine";
        var accepted = await UploadAsync(serve, Sample(slug));
        // Past Azurite's five seconds between saves: what the docs promise survives a kill -9.
        await Task.Delay(TimeSpan.FromSeconds(6));
        var quick = await UploadAsync(serve, Sample("killed-nine-quick"));
        var before = AzuritesOn(data).Count;
        Signal(serve.Process.Id, 9);
        serve.Process.WaitForExit(10_000);
        serve.Dispose();
        // Azurite sees its standard input close and stops itself, saving first: give it the time a normal stop has.
        var waited = Stopwatch.StartNew();
        while (AzuritesOn(data).Count > 0 && waited.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(200);
        var orphans = AzuritesOn(data).Count;
        report(new Finding("hiia serve", "kill -9 of serve (--data)", "its Azurite stops itself within 20 s",
            $"{before} Azurite before, {orphans} left running {waited.Elapsed.TotalSeconds:0.0} s after the kill", before == 1 && orphans == 0));
        serve = await StartAsync(data);
        var running = AzuritesOn(data).Count;
        report(new Finding("hiia serve", "restart after kill -9", "exactly one Azurite on the data folder", $"{running}", running == 1));
        var kept = accepted.Status == 202 && await HasRevisionAsync(serve, slug, Revision(accepted.Body));
        report(new Finding("hiia serve", "restart after kill -9: an upload acknowledged 6 s before the kill", "there", kept ? "there" : "LOST", kept));
        var keptQuick = quick.Status == 202 && await HasRevisionAsync(serve, "killed-nine-quick", Revision(quick.Body));
        report(new Finding("hiia serve", "restart after kill -9: an upload acknowledged just before the kill", "there (docs: --data)",
            keptQuick ? "there" : "lost", keptQuick));
        return serve;
    }

    private async Task StorageDownAsync(Serve serve, string data)
    {
        foreach (var pid in AzuritesOn(data)) Signal(pid, 9);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var (status, _, headers) = await GetAsync(serve, "api/drafts");
        var upload = await UploadAsync(serve, Sample("while-storage-down"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var said = serve.Log.Contains("storage", StringComparison.OrdinalIgnoreCase) || serve.Log.Contains("Azurite", StringComparison.Ordinal);
        report(new Finding("hiia serve", "storage (its Azurite) killed under a running serve: GET and upload", "503 with Retry-After; the console says so",
            $"GET {status}, Retry-After {(headers.RetryAfter is null ? "missing" : headers.RetryAfter.ToString())}; upload {upload.Status}; console {(said ? "says so" : "silent")}",
            status == 503 && headers.RetryAfter is not null && upload.Status == 503 && said));
        var stoppedClock = Stopwatch.StartNew();
        Signal(serve.Process.Id, 15);
        var stopped = serve.Process.WaitForExit(60_000);
        var exit = stopped ? serve.Process.ExitCode : -1;
        report(new Finding("hiia serve", "SIGTERM with its storage gone", "exits within 30 s", stopped ? $"exit {exit} after {stoppedClock.Elapsed.TotalSeconds:0.0} s" : "still running",
            stopped && stoppedClock.Elapsed < TimeSpan.FromSeconds(30)));
    }

    /// <summary>Azurite processes whose command line names <paramref name="data"/>.</summary>
    private static List<int> AzuritesOn(string data)
    {
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains("azurite", StringComparison.Ordinal) && commandLine.Contains(data, StringComparison.Ordinal)) found.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static void Signal(int pid, int signal) => Kill(pid, signal);

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
