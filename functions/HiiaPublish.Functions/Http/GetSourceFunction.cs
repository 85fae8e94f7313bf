using HiiaPublish.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Http;

/// <summary>A revision's Markdown as uploaded: the desk shows problem lines and the diff between revisions from it.</summary>
public sealed class GetSourceFunction(ReviewDeskApi api)
{
    [Function("GetSource")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Source)] HttpRequest request, string slug, string rev, CancellationToken cancellationToken) =>
        await api.SourceAsync(request, slug, rev, cancellationToken);
}
