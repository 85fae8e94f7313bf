using HiiaPublish.Functions.Http;
using HiiaPublish.Functions.Tests.Support;

namespace HiiaPublish.Functions.Tests;

/// <summary>The review desk as the Functions app serves it: the page and its files, never a page meant for a laptop.</summary>
public class ReviewDeskFunctionTests
{
    private static async Task<Answer> GetAsync(string requestPath, string? path)
    {
        var request = HttpCalls.Request("GET");
        request.Path = requestPath;
        return await HttpCalls.ExecuteAsync(request, new ReviewDeskFunction().Run(request, path));
    }

    [Fact]
    public async Task TheDeskWithoutItsSlash_IsSentToIt_AndThePageAndItsFilesAreServed()
    {
        var bare = await GetAsync("/review", null);
        Assert.Equal((308, "/review/"), (bare.Status, bare.Location));
        var page = await GetAsync("/review/", null);
        Assert.Equal((200, "text/html; charset=utf-8"), (page.Status, page.ContentType));
        Assert.Equal(200, (await GetAsync("/review/desk.js", "desk.js")).Status);
    }

    [Fact]
    public async Task TheLocalSignInForm_IsNeverServed_EvenWhereTheFileIsPresent()
    {
        // This test's output folder holds the form (hiia's copy of the templates is beside the app's); the deployed
        // desk serves no HTML page but its own.
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "templates", "review", "dev-sign-in.html")));
        Assert.Equal(404, (await GetAsync("/review/dev-sign-in.html", "dev-sign-in.html")).Status);
    }
}
