using HiiaPublish.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HiiaPublish.Functions.Http;

public sealed class ApproveFunction(DraftsApi api)
{
    [Function("Approve")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Approve)] HttpRequest request, string slug, string rev, CancellationToken cancellationToken) =>
        await api.ApproveAsync(request, slug, rev, cancellationToken);
}
