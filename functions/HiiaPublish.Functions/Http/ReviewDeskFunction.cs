using HiiaPublish.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Http;

/// <summary>
/// The review desk's page and its static files. Anonymous at the function level because a browser's page load
/// cannot carry a function key; App Service Authentication still requires a signed-in user for the path.
/// host.json's route prefix is empty, so the desk is at /review/ and the API's routes name their own api/.
/// </summary>
public sealed class ReviewDeskFunction
{
    public const string DeskPath = ReviewDeskAssets.DeskPath;

    // Read once per process: the files are part of the deployment and never change while it runs.
    private static readonly Lazy<ReviewDeskAssets> Assets = new(ReviewDeskAssets.FromTemplates);

    [Function("ReviewDesk")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ReviewDesk)] HttpRequest request, string? path) =>
        Assets.Value.Answer(request.Path.Value!, path);
}
