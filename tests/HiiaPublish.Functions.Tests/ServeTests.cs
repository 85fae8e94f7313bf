using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HiiaPublish.Cli.Commands;
using HiiaPublish.Site;
using HiiaPublish.Functions.Tests.Support;

namespace HiiaPublish.Functions.Tests;

/// <summary>
/// `hiia serve` as a developer runs it: one process on a loopback port, its own Azurite, the queue pumps and
/// the site, driven only over HTTP with the documented local-development principal header.
/// </summary>
public class ServeTests
{
    // A render of the English sample takes seconds; a loaded two-core CI machine can take many times that.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task EnglishSample_UploadedOverHttp_RenderedApprovedByAnotherCopyEditor_IsServedOnTheSite()
    {
        var port = FreePort();
        var output = new StringWriter();
        var errors = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serve = Task.Run(() => new ServeCommand().RunAsync(["--port", port.ToString()], TextWriter.Synchronized(output), TextWriter.Synchronized(errors), stop.Token));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        var editor = LocalPrincipal.Header("eva", "Editor");
        var copyEditor = LocalPrincipal.Header("csaba", "CopyEditor");
        try
        {
            await UntilAsync(async () => serve.IsCompleted
                ? throw new Xunit.Sdk.XunitException($"hiia serve stopped at start: {errors}")
                : await AnswersAsync(http, "api/health"), "the API answers /api/health");

            var (body, type) = Uploads.Multipart(Drafts.EnglishSample());
            using var upload = new HttpRequestMessage(HttpMethod.Post, "api/drafts") { Content = new ByteArrayContent(body) };
            upload.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            upload.Headers.Add("X-MS-CLIENT-PRINCIPAL", editor);
            using var uploaded = await http.SendAsync(upload);
            Assert.Equal(HttpStatusCode.Accepted, uploaded.StatusCode);
            var revision = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement.GetProperty("revision").GetString()!;

            await UntilAsync(async () => await StateAsync(http, copyEditor, revision) == "rendered", "the upload is rendered");
            var pdf = await SendAsync(http, HttpMethod.Get, $"api/drafts/middle-corridor/revisions/{revision}/preview.pdf", copyEditor);
            Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
            var approval = await SendAsync(http, HttpMethod.Post, $"api/drafts/middle-corridor/revisions/{revision}/approve", copyEditor,
                JsonSerializer.Serialize(new { pdfSha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)) }));
            Assert.Equal("approved", JsonDocument.Parse(approval).RootElement.GetProperty("state").GetString());
            await UntilAsync(async () => await StateAsync(http, editor, revision) == "published", "the approved revision is published");

            var index = await http.GetStringAsync("site/");
            var catalogue = CatalogueSerializer.Deserialize(await http.GetByteArrayAsync($"site/{SitePaths.Catalogue}"));
            var entry = Assert.Single(catalogue.Entries);
            Assert.Contains(SitePaths.Relative(SitePaths.ListingPage(null, 1), entry.LandingPath), index);
            Assert.Contains("The Middle Corridor", await http.GetStringAsync($"site/{entry.LandingPath}"));
            Assert.Equal(pdf, await http.GetByteArrayAsync($"site/{entry.PdfPath}"));

            // The publish indexed its own page before the revision said published (the site's first, so a whole base),
            // as the Functions app's publish does for `$web` in Azure: no wait for serve's search loop.
            Assert.True(await AnswersAsync(http, "site/pagefind/pagefind-entry.json"), "the published paper has a search index as soon as it is published");
            using var searchEntry = JsonDocument.Parse(await http.GetStringAsync("site/pagefind/pagefind-entry.json"));
            var english = searchEntry.RootElement.GetProperty("languages").EnumerateObject().Single();
            Assert.StartsWith("en", english.Name);
            Assert.Equal(1, english.Value.GetProperty("page_count").GetInt32());
            Assert.NotEmpty(await http.GetByteArrayAsync($"site/pagefind/pagefind.{english.Value.GetProperty("hash").GetString()}.pf_meta"));
        }
        finally
        {
            // Stopped whether the test passed or not, so no Azurite or listener outlives it.
            await stop.CancelAsync();
            await Task.WhenAny(serve, Task.Delay(TimeSpan.FromSeconds(60)));
        }

        Assert.True(serve.IsCompleted, "hiia serve did not stop within a minute of being asked to.");
        Assert.Equal(0, await serve);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync("api/health"));
    }

    private static async Task<string?> StateAsync(HttpClient http, string principal, string revision)
    {
        var draft = JsonDocument.Parse(await SendAsync(http, HttpMethod.Get, "api/drafts/middle-corridor", principal)).RootElement;
        var state = draft.GetProperty("revisions").EnumerateArray().Single(r => r.GetProperty("revision").GetString() == revision).GetProperty("state").GetString();
        if (state is "failed" or "invalid") throw new Xunit.Sdk.XunitException($"The revision became {state}: {draft}");
        return state;
    }

    private static async Task<byte[]> SendAsync(HttpClient http, HttpMethod method, string path, string principal, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        return body;
    }

    private static async Task<bool> AnswersAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {Patience.TotalMinutes} minutes for {what}.");
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
