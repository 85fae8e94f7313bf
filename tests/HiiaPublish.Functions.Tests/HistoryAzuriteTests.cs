using HiiaPublish.Functions.Http;
using HiiaPublish.Functions.Tests.Support;
using HiiaPublish.Workflow;

namespace HiiaPublish.Functions.Tests;

/// <summary>
/// The paper's timeline, its replies and its list state through the HTTP functions, kept in Table storage
/// (Azurite): what one app instance wrote, a fresh instance on the same account reads back.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class HistoryAzuriteTests(AzuriteFixture azurite)
{
    private const string Slug = "history-paper";

    [Fact]
    public async Task TheTimeline_NamesEveryoneInOrder_SurvivesANewInstance_AndTheListSaysWhatThePaperWaitsFor()
    {
        var connection = azurite.NewAccountConnectionString();
        var app = new AzuriteWorkflow(connection, renderer: new FakePreviewRenderer());
        var upload = await app.UploadAsync(Drafts.Small(Slug, "first").Source, "text/markdown", Principals.Header(People.Editor), $"?file={Slug}.md");
        var revision = upload.Json.GetProperty("revision").GetString()!;
        await app.RunQueueAsync(WorkQueues.Render);
        Assert.Equal(202, (await app.RequestChangesAsync(Slug, revision, new { comment = "Say who signed the agreement." }, Principals.Header(People.CopyEditor))).Status);
        var reply = HttpCalls.Json("POST", new { comment = "Added: both foreign ministers." }, Principals.Header(People.Editor));
        Assert.Equal(202, (await HttpCalls.ExecuteAsync(reply, await new ReplyFunction(app.Api).RunAsync(reply, Slug, revision, CancellationToken.None))).Status);

        // A second paper whose only upload is broken has no head, and is listed all the same.
        var broken = System.Text.Encoding.UTF8.GetBytes(Drafts.SmallMarkdown("broken-only", "first").Replace("date: 2026-03-17", "date: someday"));
        Assert.Equal(422, (await app.UploadAsync(broken, "text/markdown", Principals.Header(People.Editor), "?file=broken-only.md")).Status);

        var fresh = new AzuriteWorkflow(connection, renderer: new FakePreviewRenderer());
        var request = HttpCalls.Request("GET", principalHeader: Principals.Header(People.CopyEditor));
        var history = await HttpCalls.ExecuteAsync(request, await new GetHistoryFunction(fresh.Api).RunAsync(request, Slug, CancellationToken.None));
        Assert.Equal(200, history.Status);
        var events = history.Json.GetProperty("events").EnumerateArray()
            .Select(e => $"{e.GetProperty("kind").GetString()} {e.GetProperty("number").GetInt32()} {(e.TryGetProperty("by", out var by) ? by.GetString() : "-")}").ToArray();
        Assert.Equal(["uploaded 1 Eva Editor", "rendered 1 -", "sent-back 1 Csaba Copy", "replied 1 Eva Editor"], events);
        var sentBack = history.Json.GetProperty("events")[2];
        Assert.Equal("Say who signed the agreement.", sentBack.GetProperty("comment").GetString());

        var list = HttpCalls.Request("GET", principalHeader: Principals.Header(People.Editor));
        var drafts = await HttpCalls.ExecuteAsync(list, await new ListDraftsFunction(fresh.Api).RunAsync(list, CancellationToken.None));
        var paper = drafts.Json.GetProperty("drafts").EnumerateArray().Single(d => d.GetProperty("slug").GetString() == Slug);
        Assert.Equal("changes", paper.GetProperty("attention").GetProperty("state").GetString());
        Assert.Equal(revision, paper.GetProperty("attention").GetProperty("revision").GetString());
        Assert.Equal(1, paper.GetProperty("attention").GetProperty("number").GetInt32());
        var brokenOnly = drafts.Json.GetProperty("drafts").EnumerateArray().Single(d => d.GetProperty("slug").GetString() == "broken-only");
        Assert.Equal("problems", brokenOnly.GetProperty("attention").GetProperty("state").GetString());
    }

    [Fact]
    public async Task ARefusal_IsAnsweredInHungarian_WhenTheRequestAsksForIt_AndInEnglishOtherwise()
    {
        var app = new AzuriteWorkflow(azurite.NewAccountConnectionString(), renderer: new FakePreviewRenderer());
        var upload = await app.UploadAsync(Drafts.Small(Slug, "first").Source, "text/markdown", Principals.Header(People.EditorAndCopyEditor), $"?file={Slug}.md");
        var revision = upload.Json.GetProperty("revision").GetString()!;
        await app.RunQueueAsync(WorkQueues.Render);

        async Task<Answer> ApproveOwnAsync(string? language)
        {
            var request = HttpCalls.Json("POST", new { pdfSha256 = new string('a', 64) }, Principals.Header(People.EditorAndCopyEditor));
            if (language is not null) request.Headers.AcceptLanguage = language;
            return await HttpCalls.ExecuteAsync(request, await new ApproveFunction(app.Api).RunAsync(request, Slug, revision, CancellationToken.None));
        }

        var hungarian = await ApproveOwnAsync("hu-HU,hu;q=0.9,en;q=0.5");
        Assert.Equal(403, hungarian.Status);
        Assert.Equal("Négy szem elve", hungarian.Json.GetProperty("title").GetString());
        Assert.StartsWith("Ezt a változatot Ön töltötte fel", hungarian.Json.GetProperty("detail").GetString());
        var english = await ApproveOwnAsync("en-GB,hu;q=0.5");
        Assert.Equal("Four eyes", english.Json.GetProperty("title").GetString());
        Assert.StartsWith("You uploaded this revision", english.Json.GetProperty("detail").GetString());
        Assert.Equal("Four eyes", (await ApproveOwnAsync(null)).Json.GetProperty("title").GetString());
    }
}
