using System.Net;
using System.Text.Json;
using HiiaPublish.Azure.Http;
using HiiaPublish.Cli.Local;
using HiiaPublish.Review.Tests.Support;

namespace HiiaPublish.Review.Tests;

/// <summary>What the desk relies on from the server, checked without a browser.</summary>
[Collection(DeskCollection.Name)]
public sealed class ReviewDeskHttpTests(DeskFixture fixture)
{
    private static readonly string TemplatesReview = Path.Combine(RepositoryPaths.Templates, "review");

    [Fact]
    public void The_page_is_served_with_a_policy_that_forbids_other_origins_and_inline_script()
    {
        var page = new ReviewDeskAssets(TemplatesReview).Serve("");
        Assert.Equal(200, page.Status);
        Assert.StartsWith("text/html", page.ContentType);
        var policy = page.Headers["Content-Security-Policy"];
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Equal("nosniff", page.Headers["X-Content-Type-Options"]);
    }

    [Fact]
    public void The_local_sign_in_form_exists_only_where_the_host_asks_for_it_and_no_path_leaves_the_folder()
    {
        // The deployed desk serves no page but its own; `hiia serve` names its sign-in form as one more.
        var assets = new ReviewDeskAssets(TemplatesReview);
        Assert.Equal(404, assets.Serve(LocalSignIn.PageFile).Status);
        Assert.Equal(200, LocalSignIn.DeskAssets(TemplatesReview).Serve(LocalSignIn.PageFile).Status);
        foreach (var path in new[] { "../branding.yaml", "..%2Fbranding.yaml", "/etc/passwd", "nope.js", "index.html/" })
            Assert.Equal(404, assets.Serve(path).Status);
        // Every file the page loads is one the desk serves.
        Assert.Contains("desk.js", assets.FileNames);
        Assert.Contains("desk.css", assets.FileNames);
    }

    [Fact]
    public async Task The_desk_without_its_slash_is_sent_to_it_and_serve_answers_the_local_form_beside_the_page()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.Server.BaseUrl) };
        var bare = await http.GetAsync("/review");
        Assert.Equal(HttpStatusCode.PermanentRedirect, bare.StatusCode);
        Assert.Equal("/review/", bare.Headers.Location!.OriginalString);
        foreach (var path in new[] { "/review/", "/review/desk.js", "/review/" + LocalSignIn.PageFile })
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/review/nope.js")).StatusCode);
    }

    [Fact]
    public async Task Me_says_where_to_sign_in_when_nobody_is_signed_in_and_what_each_role_may_do()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseUrl) };
        var anonymous = await http.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var problem = JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync()))
            Assert.Equal("/review/dev-sign-in.html", problem.RootElement.GetProperty("signInUrl").GetString());

        foreach (var (roles, upload, review) in new[] { (new[] { "Editor" }, true, false), (["CopyEditor"], true, true), ([], false, false) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
            request.Headers.Add(ClientPrincipalReader.HeaderName, LocalSignIn.Encode("ilona", roles));
            var answer = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            using var me = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            var capabilities = me.RootElement.GetProperty("capabilities");
            Assert.Equal(upload, capabilities.GetProperty("upload").GetBoolean());
            Assert.Equal(review, capabilities.GetProperty("review").GetBoolean());
            Assert.Equal("ilona", me.RootElement.GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task A_revision_source_is_for_editors_and_copy_editors_only_and_unknown_revisions_are_404()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseUrl) };
        var path = $"/api/drafts/no-such-paper/revisions/{new string('a', 64)}/source";
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(path)).StatusCode);
        async Task<HttpStatusCode> As(params string[] roles)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add(ClientPrincipalReader.HeaderName, LocalSignIn.Encode("jozsef", roles));
            return (await http.SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.Forbidden, await As());
        Assert.Equal(HttpStatusCode.NotFound, await As("Editor"));
        // A name that is not a slug or a revision never reaches storage.
        using var traversal = new HttpRequestMessage(HttpMethod.Get, "/api/drafts/Bad_Slug/revisions/..%2F..%2Fsecret/source");
        traversal.Headers.Add(ClientPrincipalReader.HeaderName, LocalSignIn.Encode("jozsef", ["Editor"]));
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(traversal)).StatusCode);
    }
}
