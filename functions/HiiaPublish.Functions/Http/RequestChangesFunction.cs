using HiiaPublish.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Http;

public sealed class RequestChangesFunction(DraftsApi api)
{
    [Function("RequestChanges")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/drafts/{slug}/revisions/{revision}/request-changes")] HttpRequest request, string slug, string revision, CancellationToken cancellationToken) =>
        await api.RequestChangesAsync(request, slug, revision, cancellationToken);
}
