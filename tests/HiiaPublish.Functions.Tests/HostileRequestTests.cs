using System.Text;
using HiiaPublish.Workflow;
using HiiaPublish.Functions.Http;
using HiiaPublish.Functions.Tests.Support;

namespace HiiaPublish.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public class HostileRequestTests(AzuriteFixture azurite)
{
    private static readonly string Editor = Principals.Header(People.Editor);
    private static readonly string Copy = Principals.Header(People.CopyEditor);
    private const string Revision = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task AThousandMalformedOrHostileRequests_AreAll4xxProblems_NeverServerErrors()
    {
        var app = new AzuriteWorkflow(azurite.NewAccountConnectionString(), renderer: new FakePreviewRenderer());
        var random = new Random(20260421); // fixed seed: the same thousand requests on every run
        var cases = Cases().ToArray();
        for (var i = 0; i < 1000; i++)
        {
            var (name, call) = cases[i % cases.Length];
            var answer = await call(app, random);
            Assert.True(answer.Status is >= 400 and < 500, $"#{i} {name}: {answer}");
            Assert.True(answer.IsProblem, $"#{i} {name}: not problem+json: {answer}");
            Assert.False(string.IsNullOrWhiteSpace(answer.Json.GetProperty("detail").GetString()), $"#{i} {name}: no detail");
        }
    }

    [Fact]
    public async Task AValidPrincipalHeader_IsIgnored_WhenThePlatformDoesNotVouchForIt()
    {
        var app = new AzuriteWorkflow(azurite.NewAccountConnectionString(), trustHeader: false, renderer: new FakePreviewRenderer());
        var answer = await app.UploadAsync(Drafts.Small().Source, "text/markdown", Editor, "?file=small-paper.md");
        Assert.Equal(401, answer.Status);
    }

    [Fact]
    public async Task HealthAndOpenApi_Answer()
    {
        var request = HttpCalls.Request("GET");
        var health = await HttpCalls.ExecuteAsync(request, new HealthFunction().Run(request));
        Assert.Equal(200, health.Status);
        var openApiRequest = HttpCalls.Request("GET");
        var openApi = await HttpCalls.ExecuteAsync(openApiRequest, new OpenApiFunction().Run(openApiRequest));
        Assert.Equal("3.0.3", openApi.Json.GetProperty("openapi").GetString());
        Assert.True(openApi.Json.GetProperty("paths").TryGetProperty("/drafts/{slug}/revisions/{rev}/approve", out _));
    }

    private delegate Task<Answer> Call(AzuriteWorkflow app, Random random);

    private static IEnumerable<(string Name, Call Call)> Cases()
    {
        var markdown = Drafts.Small().Source;
        yield return ("no principal", (app, _) => app.UploadAsync(markdown, "text/markdown", null, "?file=a.md"));
        yield return ("garbage principal", (app, r) => app.UploadAsync(markdown, "text/markdown", RandomText(r, 40), "?file=a.md"));
        yield return ("base64 of non-json principal", (app, r) => app.UploadAsync(markdown, "text/markdown", Convert.ToBase64String(RandomBytes(r, 50)), "?file=a.md"));
        yield return ("principal with wrong types", (app, _) => app.UploadAsync(markdown, "text/markdown",
            B64("{\"claims\":[{\"typ\":1,\"val\":true}]}"), "?file=a.md"));
        yield return ("principal claims not an array", (app, _) => app.UploadAsync(markdown, "text/markdown", B64("{\"claims\":{}}"), "?file=a.md"));
        yield return ("huge principal", (app, _) => app.UploadAsync(markdown, "text/markdown", new string('A', 40_000), "?file=a.md"));
        yield return ("principal without roles", (app, _) => app.UploadAsync(markdown, "text/markdown",
            Principals.Header(new WorkflowPrincipal("x", "X", [])), "?file=a.md"));
        yield return ("wrong content type", (app, _) => app.UploadAsync(markdown, "application/x-msdownload", Editor));
        yield return ("no content type", (app, _) => app.UploadAsync(markdown, "", Editor));
        yield return ("body over 2 MB", (app, r) => app.UploadAsync(RandomBytes(r, 2 * 1024 * 1024 + 10), "text/markdown", Editor, "?file=a.md"));
        yield return ("lying content length", async (app, _) =>
        {
            var request = HttpCalls.Request("POST", markdown, "text/markdown", Editor, "?file=a.md", declaredLength: 50L * 1024 * 1024);
            return await HttpCalls.ExecuteAsync(request, await new UploadDraftFunction(app.Api).RunAsync(request, CancellationToken.None));
        });
        yield return ("traversal file name", (app, _) => app.UploadAsync(markdown, "text/markdown", Editor, "?file=../../etc/passwd.md"));
        yield return ("absolute file name", (app, _) => app.UploadAsync(markdown, "text/markdown", Editor, "?file=/tmp/x.md"));
        yield return ("not markdown name", (app, _) => app.UploadAsync(markdown, "text/markdown", Editor, "?file=x.exe"));
        yield return ("random bytes as markdown", (app, r) => app.UploadAsync(RandomBytes(r, 3000), "text/markdown", Editor, "?file=noise.md"));
        yield return ("multipart traversal image", (app, _) => Multipart(app, [("a.md", "text/markdown", markdown), ("../x.png", "image/png", TestPapers.TinyPng())]));
        yield return ("multipart svg", (app, _) => Multipart(app, [("a.md", "text/markdown", markdown), ("x.svg", "image/svg+xml", [60])]));
        yield return ("multipart png that is not a png", (app, r) => Multipart(app, [("a.md", "text/markdown", markdown), ("x.png", "image/png", RandomBytes(r, 100))]));
        yield return ("multipart without markdown", (app, _) => Multipart(app, [("x.png", "image/png", TestPapers.TinyPng())]));
        yield return ("multipart two markdowns", (app, _) => Multipart(app, [("a.md", "text/markdown", markdown), ("b.md", "text/markdown", markdown)]));
        yield return ("multipart broken body", (app, r) => app.UploadAsync(RandomBytes(r, 500), "multipart/form-data; boundary=xyz", Editor));
        yield return ("multipart no boundary", (app, _) => app.UploadAsync(markdown, "multipart/form-data", Editor));
        yield return ("approve bad json", (app, r) => Approve(app, Encoding.UTF8.GetBytes("{\"pdfSha256\": " + RandomText(r, 10)), "application/json", Copy));
        yield return ("approve wrong type", (app, _) => Approve(app, Encoding.UTF8.GetBytes("{\"pdfSha256\": 42}"), "application/json", Copy));
        yield return ("approve array body", (app, _) => Approve(app, Encoding.UTF8.GetBytes("[]"), "application/json", Copy));
        yield return ("approve deep json", (app, _) => Approve(app, Encoding.UTF8.GetBytes(new string('[', 5000)), "application/json", Copy));
        yield return ("approve huge body", (app, r) => Approve(app, RandomBytes(r, 200_000), "application/json", Copy));
        yield return ("approve as text", (app, _) => Approve(app, Encoding.UTF8.GetBytes("{}"), "text/plain", Copy));
        yield return ("approve missing hash", (app, _) => Approve(app, Encoding.UTF8.GetBytes("{}"), "application/json", Copy));
        yield return ("approve unknown revision", (app, _) => app.ApproveAsync("small-paper", Revision, new { pdfSha256 = Revision }, Copy));
        yield return ("approve traversal slug", (app, _) => app.ApproveAsync("../../$web", Revision, new { pdfSha256 = Revision }, Copy));
        yield return ("approve as editor", (app, _) => app.ApproveAsync("small-paper", Revision, new { pdfSha256 = Revision }, Editor));
        yield return ("request changes wrong type", (app, _) => app.RequestChangesAsync("small-paper", Revision, new { comment = new[] { 1 } }, Copy));
        yield return ("request changes huge comment", (app, _) => app.RequestChangesAsync("small-paper", Revision, new { comment = new string('x', 5000) }, Copy));
        yield return ("preview traversal", (app, _) => app.PreviewAsync("..", "../../secret", Copy));
        yield return ("preview unknown", (app, _) => app.PreviewAsync("no-such", Revision, Copy));
        yield return ("draft with control characters", (app, r) => app.GetDraftAsync("a\u0000b" + RandomText(r, 5), Copy));
    }

    private static Task<Answer> Multipart(AzuriteWorkflow app, IEnumerable<(string, string, byte[])> parts)
    {
        var (body, type) = Uploads.Multipart(parts);
        return app.UploadAsync(body, type, Editor);
    }

    private static async Task<Answer> Approve(AzuriteWorkflow app, byte[] body, string type, string principal)
    {
        var request = HttpCalls.Request("POST", body, type, principal);
        return await HttpCalls.ExecuteAsync(request, await new ApproveFunction(app.Api).RunAsync(request, "small-paper", Revision, CancellationToken.None));
    }

    private static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomText(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => (char)random.Next(33, 127)).ToArray());
}
