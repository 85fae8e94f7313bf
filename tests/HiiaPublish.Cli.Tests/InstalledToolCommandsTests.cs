using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HiiaPublish.Site;
using HiiaPublish.Testing;

namespace HiiaPublish.Cli.Tests;

/// <summary>
/// Every command of the installed `hiia` (the Linux x64 tool is a Native AOT binary) does what the same code does
/// in-process, where nothing is trimmed and everything JIT-compiles: the same PDF bytes, the same JSON reports, a
/// published site, and `serve`'s whole workflow over HTTP. These are the paths that use reflection (JSON, Scriban's
/// site model, ASP.NET Core's endpoints), which a native binary could break where the in-process tests cannot see.
/// </summary>
[Collection(InstalledToolCollection.Name)]
public sealed class InstalledToolCommandsTests(InstalledToolFixture tool) : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("hiia-tool-commands-");

    public void Dispose() => _work.Delete(recursive: true);

    private string CopyOfEnglishSample()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.RepositoryRoot, "samples", "middle-corridor")))
            File.Copy(file, Path.Combine(_work.FullName, Path.GetFileName(file)), overwrite: true);
        return Path.Combine(_work.FullName, "middle-corridor.md");
    }

    private (int Exit, string Out, string Err) Installed(params string[] arguments) =>
        InstalledToolTests.Run(tool.Hiia, _work.FullName, TimeSpan.FromMinutes(2), arguments);

    private static async Task<(int Exit, string Out, string Err)> InProcessAsync(params string[] arguments)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await CommandLine.RunAsync(arguments, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Render_WritesTheSamePdfBytes_AsTheSameCodeInProcess()
    {
        var draft = CopyOfEnglishSample();
        var installedPdf = Path.Combine(_work.FullName, "installed.pdf");
        var inProcessPdf = Path.Combine(_work.FullName, "in-process.pdf");

        var installed = Installed("render", draft, "-o", installedPdf);
        var inProcess = await InProcessAsync("render", draft, "-o", inProcessPdf);

        Assert.True(installed.Exit == 0, installed.Out + installed.Err);
        Assert.Equal(0, inProcess.Exit);
        Assert.Equal(File.ReadAllBytes(inProcessPdf), File.ReadAllBytes(installedPdf));
    }

    [Fact]
    public async Task CheckAsJson_PrintsTheSameReport_AsTheSameCodeInProcess()
    {
        var draft = CopyOfEnglishSample();
        // A draft with an error as well, so the report carries a diagnostic and not only counts.
        var broken = Path.Combine(_work.FullName, "broken.md");
        File.WriteAllText(broken, "---\ntitle: Broken\n---\n\nNo date, no authors.\n");

        // From the test's own folder, as the in-process run is: the report names each file relative to where it runs.
        var installed = InstalledToolTests.Run(tool.Hiia, Environment.CurrentDirectory, TimeSpan.FromMinutes(2), "check", "--format", "json", draft, broken);
        var inProcess = await InProcessAsync("check", "--format", "json", draft, broken);

        Assert.Equal(inProcess.Exit, installed.Exit);
        Assert.Equal(1, installed.Exit);
        Assert.Equal(inProcess.Out, installed.Out);
        using var report = JsonDocument.Parse(installed.Out);
        Assert.Equal(2, report.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
        Assert.True(report.RootElement.GetProperty("summary").GetProperty("errors").GetInt32() > 0);
        Assert.NotEmpty(report.RootElement.GetProperty("files")[1].GetProperty("diagnostics").EnumerateArray());
    }

    [Fact]
    public async Task AuditAsJson_PrintsTheSameReport_AsTheSameCodeInProcess()
    {
        var draft = CopyOfEnglishSample();
        var pdf = Path.Combine(_work.FullName, "middle-corridor.pdf");
        Assert.Equal(0, Installed("render", draft, "-o", pdf).Exit);

        var installed = Installed("audit", "--format", "json", pdf);
        var inProcess = await InProcessAsync("audit", "--format", "json", pdf);

        Assert.True(installed.Exit == 0, installed.Out + installed.Err);
        Assert.Equal(inProcess.Out, installed.Out);
        using var report = JsonDocument.Parse(installed.Out);
        Assert.True(report.RootElement.GetProperty("passed").GetBoolean());
        Assert.True(report.RootElement.GetProperty("total").GetInt32() > 20);
    }

    [Fact]
    public void Publish_BuildsTheSiteOfEverySample_WithItsCatalogueAndPages()
    {
        var site = Path.Combine(_work.FullName, "site");

        var (exit, output, error) = Installed("publish", Path.Combine(RepositoryPaths.RepositoryRoot, "samples"), "--site", site);

        Assert.True(exit == 0, output + error);
        var catalogue = CatalogueSerializer.Deserialize(File.ReadAllBytes(Path.Combine(site, SitePaths.Catalogue)));
        Assert.Equal(3, catalogue.Entries.Count);
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        foreach (var entry in catalogue.Entries)
        {
            Assert.Contains(entry.Title, File.ReadAllText(Path.Combine(site, entry.LandingPath)));
            Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(File.ReadAllBytes(Path.Combine(site, entry.PdfPath)), 0, 5));
        }
        Assert.Contains("The Middle Corridor", index);
    }

    [Fact]
    public async Task Serve_TakesAnUploadThroughRenderApprovalAndPublication_OverHttp()
    {
        var port = FreePort();
        // Run from the repository, where serve finds the Azurite that scripts/install-deps.sh installed.
        var start = new ProcessStartInfo(tool.Hiia) { WorkingDirectory = RepositoryPaths.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        using var serve = Process.Start(start)!;
        var errors = new StringBuilder();
        serve.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        serve.OutputDataReceived += (_, _) => { };
        serve.BeginErrorReadLine();
        serve.BeginOutputReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        var editor = Principal("eva", "Editor");
        var copyEditor = Principal("csaba", "CopyEditor");
        try
        {
            await UntilAsync(async () => serve.HasExited
                ? throw new Xunit.Sdk.XunitException($"hiia serve stopped at start: {errors}")
                : await AnswersAsync(http, "api/health"), "the API answers /api/health");

            using var openApi = JsonDocument.Parse(await http.GetStringAsync("api/openapi.json"));
            Assert.True(openApi.RootElement.GetProperty("paths").EnumerateObject().Count() > 5);

            var (body, type) = Multipart(Drafts.EnglishSample());
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

            var catalogue = CatalogueSerializer.Deserialize(await http.GetByteArrayAsync($"site/{SitePaths.Catalogue}"));
            var entry = Assert.Single(catalogue.Entries);
            Assert.Contains("The Middle Corridor", await http.GetStringAsync($"site/{entry.LandingPath}"));
            Assert.Equal(pdf, await http.GetByteArrayAsync($"site/{entry.PdfPath}"));
        }
        finally
        {
            // Ctrl+C, as a developer stops it: serve stops its Azurite too, so nothing outlives the test.
            if (!serve.HasExited)
                Process.Start("kill", ["-INT", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            if (!serve.WaitForExit(TimeSpan.FromSeconds(60)))
                serve.Kill(entireProcessTree: true);
        }
        Assert.True(serve.ExitCode == 0, $"hiia serve exited with {serve.ExitCode}: {errors}");
    }

    private static string Principal(string id, string role) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        claims = new[] { new { typ = "oid", val = id }, new { typ = "name", val = id }, new { typ = "roles", val = role } },
        name_typ = "name",
        role_typ = "roles",
    })));

    private static (byte[] Body, string ContentType) Multipart(HiiaPublish.Workflow.DraftFiles files)
    {
        using var content = new MultipartFormDataContent("hiia-tool-boundary");
        foreach (var (name, type, bytes) in new[] { (files.SourceFile, "text/markdown", files.Source) }
                     .Concat(files.Assets.Select(a => (a.Key, "image/png", a.Value))))
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            content.Add(part, "files", name);
        }
        return (content.ReadAsByteArrayAsync().GetAwaiter().GetResult(), content.Headers.ContentType!.ToString());
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
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited 3 minutes for {what}.");
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
