using HiiaPublish.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Http;

public sealed class ApproveFunction(DraftsApi api)
{
    [Function("Approve")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/drafts/{slug}/revisions/{revision}/approve")] HttpRequest request, string slug, string revision, CancellationToken cancellationToken) =>
        await api.ApproveAsync(request, slug, revision, cancellationToken);
}
