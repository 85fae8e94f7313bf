using HiiaPublish.Azure.Http;
using HiiaPublish.Functions.Tests.Support;
using HiiaPublish.Workflow;

namespace HiiaPublish.Functions.Tests;

/// <summary>The review desk's source route maps the workflow's answer (tests/HiiaPublish.Workflow.Tests/SourceReadingTests) to HTTP.</summary>
public class SourceRouteTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task TheDesksSourceRoute_MapsTheWorkflowsAnswer_ToTheStatusesAndBodiesItAlwaysGave()
    {
        var (flow, uploaded) = await SourceReading.UploadedAsync();
        var api = new ReviewDeskApi(new ClientPrincipalReader(trustHeader: true), flow.Service, ReviewDeskSignIn.EasyAuth("/review/"));
        async Task<Answer> Source(string? principalHeader, string revision)
        {
            var request = HttpCalls.Request("GET", principalHeader: principalHeader);
            return await HttpCalls.ExecuteAsync(request, await api.SourceAsync(request, uploaded.Slug, revision, None));
        }

        var ok = await Source(Principals.Header(People.CopyEditor), uploaded.Revision);
        Assert.Equal((200, "text/markdown; charset=utf-8"), (ok.Status, ok.ContentType));
        Assert.Equal(Drafts.Small().Source, ok.Body);

        // Nobody signed in: the desk's own 401, which also says where to sign in.
        var anonymous = await Source(null, uploaded.Revision);
        Assert.Equal(401, anonymous.Status);
        Assert.True(anonymous.IsProblem);
        Assert.Equal(SourceReading.NoIdentity, anonymous.Json.GetProperty("detail").GetString());
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Freview%2F", anonymous.Json.GetProperty("signInUrl").GetString());

        // A header that is no principal: the reader's own problem, as before.
        var unreadable = await Source("not base64!", uploaded.Revision);
        Assert.Equal((401, "Unreadable sign-in"), (unreadable.Status, unreadable.Json.GetProperty("title").GetString()));

        var forbidden = await Source(Principals.Header(new WorkflowPrincipal("reader-1", "Rita Reader", [])), uploaded.Revision);
        Assert.Equal(403, forbidden.Status);
        Assert.Equal(["type", "title", "status", "detail"], forbidden.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Editors and copy editors only", SourceReading.ReadersOnly),
            (forbidden.Json.GetProperty("title").GetString(), forbidden.Json.GetProperty("detail").GetString()));

        var missing = await Source(Principals.Header(People.Editor), new string('b', 64));
        Assert.Equal(404, missing.Status);
        Assert.Equal(["type", "title", "status", "detail"], missing.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("There is no such revision of 'small-paper'.", missing.Json.GetProperty("detail").GetString());
    }
}
