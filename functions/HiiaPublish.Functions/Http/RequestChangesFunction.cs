using HiiaPublish.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Http;

public sealed class RequestChangesFunction(DraftsApi api)
{
    [Function("RequestChanges")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.RequestChanges)] HttpRequest request, string slug, string rev, CancellationToken cancellationToken) =>
        await api.RequestChangesAsync(request, slug, rev, cancellationToken);
}
